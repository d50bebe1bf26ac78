using System.Net;
using OrderPlatform.Contracts.Shipping;
using OrderPlatform.ShippingService.Shipments;
using OrderPlatform.ShippingService.Tests.Support;

namespace OrderPlatform.ShippingService.Tests;

public sealed class ShipTests : ShippingTest
{
    private const string TrackingPattern = "^TRK-[A-Z0-9]{12}$";

    [Fact]
    public async Task Ship_to_a_serviceable_address_returns_shipped_with_a_tracking_number_and_stores_it()
    {
        var response = await Factory.CreateClient().PostJsonAsync("/ship", Requests.Ship("o-1", Requests.Berlin));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var result = await response.ReadAsync<ShipmentResult>();
        result.Status.Should().Be(ShipmentStatus.Shipped);
        result.OrderId.Should().Be("o-1");
        result.TrackingNumber.Should().MatchRegex(TrackingPattern);
        result.Reason.Should().BeNull();
        var stored = await Factory.StoredAsync("o-1");
        stored!.TrackingNumber.Should().Be(result.TrackingNumber);
        stored.Address.Should().Be(Requests.Berlin);
        stored.CustomerId.Should().Be("cust-1");
    }

    [Fact]
    public async Task Result_is_serialized_with_camelCase_names_and_string_status()
    {
        var response = await Factory.CreateClient().PostJsonAsync("/ship", Requests.Ship("o-json", Requests.Berlin));

        var json = await response.ReadJsonAsync();
        json.GetProperty("status").GetString().Should().Be("shipped");
        json.GetProperty("trackingNumber").GetString().Should().MatchRegex(TrackingPattern);
    }

    [Fact]
    public async Task Tracking_numbers_differ_between_orders()
    {
        var client = Factory.CreateClient();
        var first = await (await client.PostJsonAsync("/ship", Requests.Ship("o-a", Requests.Berlin))).ReadAsync<ShipmentResult>();
        var second = await (await client.PostJsonAsync("/ship", Requests.Ship("o-b", Requests.Berlin))).ReadAsync<ShipmentResult>();

        first.TrackingNumber.Should().NotBe(second.TrackingNumber);
    }

    [Fact]
    public async Task Repeat_returns_the_first_outcome_with_the_same_tracking_number_and_keeps_it_stored()
    {
        var client = Factory.CreateClient();
        var first = await (await client.PostJsonAsync("/ship", Requests.Ship("o-2", Requests.Berlin))).ReadAsync<ShipmentResult>();
        var repeat = await (await client.PostJsonAsync("/ship", Requests.Ship("o-2", Requests.Berlin))).ReadAsync<ShipmentResult>();

        repeat.Should().Be(first);
        (await Factory.StoredAsync("o-2"))!.TrackingNumber.Should().Be(first.TrackingNumber, "the repeat's insert was refused");
    }

    [Fact]
    public async Task An_orders_first_request_is_one_state_call_an_insert_without_a_read_before_it()
    {
        var client = Factory.CreateClient();
        Factory.Hooks.ResetCounts(); // what the host did starting up is not the request's

        (await client.PostJsonAsync("/ship", Requests.Ship("o-one", Requests.Berlin))).StatusCode.Should().Be(HttpStatusCode.OK);

        Factory.Hooks.Calls(SaveState).Should().Be(1);
        Factory.Hooks.Calls(GetState).Should().Be(0);
    }

    [Fact]
    public async Task Repeat_after_a_rejection_stays_rejected_even_with_another_address()
    {
        var client = Factory.CreateClient();
        var antarctica = Requests.Berlin with { Country = "AQ" };
        await client.PostJsonAsync("/ship", Requests.Ship("o-3", antarctica));

        var repeat = await (await client.PostJsonAsync("/ship", Requests.Ship("o-3", Requests.Berlin))).ReadAsync<ShipmentResult>();

        repeat.Status.Should().Be(ShipmentStatus.Rejected);
        repeat.TrackingNumber.Should().BeNull();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Losing_the_insert_to_another_request_returns_the_winners_shipment(bool insertFailsWithAnError)
    {
        // A store may refuse an insert on an existing key with an error that is no ETag mismatch (state.postgresql v1: a
        // unique-constraint error, components-contrib internal/component/postgresql/postgresdbaccess.go): the kit's
        // re-read of the key tells the lost race from a fault either way.
        var client = Factory.CreateClient();
        var winner = new Shipment("o-4", "cust-1", ShipmentStatus.Shipped, "TRK-WINNER000001", null, [], Requests.Berlin, DateTimeOffset.UnixEpoch);
        var raced = 0;
        Factory.Hooks.Before(SaveState, async ct =>
        {
            Interlocked.Increment(ref raced);
            await Factory.StoreAsync(winner, ct);
        });
        if (insertFailsWithAnError)
        {
            Factory.Hooks.Fail(SaveState, times: 1);
        }

        var response = await client.PostJsonAsync("/ship", Requests.Ship("o-4", Requests.Berlin));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadAsync<ShipmentResult>()).TrackingNumber.Should().Be("TRK-WINNER000001");
        raced.Should().Be(1, "the winner was stored just before the service's insert");
        (await Factory.StoredAsync("o-4"))!.TrackingNumber.Should().Be("TRK-WINNER000001");
    }

    [Fact]
    public async Task Concurrent_requests_for_one_order_create_one_shipment()
    {
        const int Callers = 8;
        var client = Factory.CreateClient();
        var arrived = 0;
        var allDecided = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Every request has decided its own shipment before any insert goes on: all of them race.
        Factory.Hooks.Before(SaveState, async ct =>
        {
            if (Interlocked.Increment(ref arrived) == Callers)
            {
                allDecided.SetResult();
            }

            await allDecided.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
        });

        var responses = await Task.WhenAll(Enumerable.Range(0, Callers)
            .Select(_ => client.PostJsonAsync("/ship", Requests.Ship("o-5", Requests.Berlin))));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        Factory.Hooks.Calls(SaveState).Should().Be(Callers, "every request tried to insert its own shipment");
        var results = await Task.WhenAll(responses.Select(r => r.ReadAsync<ShipmentResult>()));
        var stored = (await Factory.StoredAsync("o-5"))!;
        results.Select(r => r.TrackingNumber).Should().AllBe(stored.TrackingNumber);
    }

    [Fact]
    public async Task Store_failure_is_a_server_error_not_an_outcome()
    {
        var client = Factory.CreateClient();
        Factory.Hooks.Fail(SaveState, times: 1);

        var response = await client.PostJsonAsync("/ship", Requests.Ship("o-6", Requests.Berlin));

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await Factory.StoredAsync("o-6")).Should().BeNull();
    }

    [Fact]
    public async Task A_repeat_that_cannot_read_the_stored_shipment_is_a_server_error_not_a_new_outcome()
    {
        var client = Factory.CreateClient();
        var first = await (await client.PostJsonAsync("/ship", Requests.Ship("o-7", Requests.Berlin))).ReadAsync<ShipmentResult>();
        Factory.Hooks.Fail(GetState);

        var response = await client.PostJsonAsync("/ship", Requests.Ship("o-7", Requests.Berlin));

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await Factory.StoredAsync("o-7"))!.TrackingNumber.Should().Be(first.TrackingNumber);
    }
}
