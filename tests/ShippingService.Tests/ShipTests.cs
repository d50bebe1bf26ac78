using System.Net;
using Dapr.Client;
using OrderPlatform.Contracts.Shipping;
using OrderPlatform.ShippingService.Shipments;
using ShippingService.Tests.Infrastructure;

namespace ShippingService.Tests;

public sealed class ShipTests : IDisposable
{
    private const string TrackingPattern = "^TRK-[A-Z0-9]{12}$";
    private readonly ShippingApiFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task Ship_to_a_serviceable_address_returns_shipped_with_a_tracking_number_and_stores_it()
    {
        var response = await factory.CreateClient().PostJsonAsync("/ship", Requests.Ship("o-1", Requests.Berlin));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var result = await response.ReadAsync<ShipmentResult>();
        result.Status.Should().Be(ShipmentStatus.Shipped);
        result.OrderId.Should().Be("o-1");
        result.TrackingNumber.Should().MatchRegex(TrackingPattern);
        result.Reason.Should().BeNull();
        var stored = factory.Store.Get<Shipment>("shipment-o-1");
        stored!.TrackingNumber.Should().Be(result.TrackingNumber);
        stored.Address.Should().Be(Requests.Berlin);
        stored.CustomerId.Should().Be("cust-1");
    }

    [Fact]
    public async Task Result_is_serialized_with_camelCase_names_and_string_status()
    {
        var response = await factory.CreateClient().PostJsonAsync("/ship", Requests.Ship("o-json", Requests.Berlin));

        var json = await response.ReadJsonAsync();
        json.GetProperty("status").GetString().Should().Be("shipped");
        json.GetProperty("trackingNumber").GetString().Should().MatchRegex(TrackingPattern);
    }

    [Fact]
    public async Task Tracking_numbers_differ_between_orders()
    {
        var client = factory.CreateClient();
        var first = await (await client.PostJsonAsync("/ship", Requests.Ship("o-a", Requests.Berlin))).ReadAsync<ShipmentResult>();
        var second = await (await client.PostJsonAsync("/ship", Requests.Ship("o-b", Requests.Berlin))).ReadAsync<ShipmentResult>();

        first.TrackingNumber.Should().NotBe(second.TrackingNumber);
    }

    [Fact]
    public async Task Repeat_returns_the_first_outcome_with_the_same_tracking_number_and_writes_once()
    {
        var client = factory.CreateClient();
        var first = await (await client.PostJsonAsync("/ship", Requests.Ship("o-2", Requests.Berlin))).ReadAsync<ShipmentResult>();
        var repeat = await (await client.PostJsonAsync("/ship", Requests.Ship("o-2", Requests.Berlin))).ReadAsync<ShipmentResult>();

        repeat.Should().Be(first);
        factory.Store.Dapr.Verify(d => d.TrySaveStateAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Shipment>(),
            It.IsAny<string>(), It.IsAny<StateOptions>(), It.IsAny<IReadOnlyDictionary<string, string>>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Repeat_after_a_rejection_stays_rejected_even_with_another_address()
    {
        var client = factory.CreateClient();
        var antarctica = Requests.Berlin with { Country = "AQ" };
        await client.PostJsonAsync("/ship", Requests.Ship("o-3", antarctica));

        var repeat = await (await client.PostJsonAsync("/ship", Requests.Ship("o-3", Requests.Berlin))).ReadAsync<ShipmentResult>();

        repeat.Status.Should().Be(ShipmentStatus.Rejected);
        repeat.TrackingNumber.Should().BeNull();
    }

    [Fact]
    public async Task Losing_a_first_write_race_returns_the_winners_shipment()
    {
        var winner = new Shipment("o-4", "cust-1", ShipmentStatus.Shipped, "TRK-WINNER000001", null, [], Requests.Berlin, DateTimeOffset.UnixEpoch);
        factory.Store.BeforeSave = key => factory.Store.Put(key, winner);

        var response = await factory.CreateClient().PostJsonAsync("/ship", Requests.Ship("o-4", Requests.Berlin));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadAsync<ShipmentResult>()).TrackingNumber.Should().Be("TRK-WINNER000001");
        factory.Store.Get<Shipment>("shipment-o-4")!.TrackingNumber.Should().Be("TRK-WINNER000001");
    }

    [Fact]
    public async Task Concurrent_requests_for_one_order_create_one_shipment()
    {
        var client = factory.CreateClient();
        var responses = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(_ => client.PostJsonAsync("/ship", Requests.Ship("o-5", Requests.Berlin))));

        var results = await Task.WhenAll(responses.Select(r => r.ReadAsync<ShipmentResult>()));
        var stored = factory.Store.Get<Shipment>("shipment-o-5")!;
        results.Select(r => r.TrackingNumber).Should().AllBe(stored.TrackingNumber);
    }

    [Fact]
    public async Task Store_failure_is_a_server_error_not_an_outcome()
    {
        factory.Store.FailAll<Shipment>();

        var response = await factory.CreateClient().PostJsonAsync("/ship", Requests.Ship("o-6", Requests.Berlin));

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
    }
}
