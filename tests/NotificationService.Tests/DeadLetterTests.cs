using System.Net;
using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using OrderPlatform.NotificationService.Tests.Support;
using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Events;
using OrderPlatform.NotificationService.DeadLetters;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.NotificationService.Tests;

public sealed class DeadLetterTests : NotificationServiceTest
{
    private const string Route = "/events/orders/deadletter";

    [Fact]
    public async Task Dead_lettered_event_is_recorded_for_operators()
    {
        var body = DaprDelivery.Envelope("o-1:order_paid", OrderEventTypes.Paid,
            DaprDelivery.Data(DaprDelivery.Event(OrderEventTypes.Paid, customerId: "")), Topics.OrdersDeadLetter).ToJsonString();

        var response = await Factory.CreateClient().DeliverAsync(Route, body);

        (await response.TopicStatusAsync()).Should().Be("SUCCESS");
        var recorded = (await GetAsync()).Should().ContainSingle().Subject;
        recorded.Id.Should().Be("o-1:order_paid");
        recorded.Type.Should().Be(OrderEventTypes.Paid);
        recorded.Source.Should().Be(AppIds.OrderService);
        recorded.Topic.Should().Be(Topics.OrdersDeadLetter);
        recorded.Data.Should().Contain("\"orderId\":\"o-1\"");
        recorded.ReceivedAt.Should().Be(Factory.Time.GetUtcNow());
    }

    [Fact]
    public async Task Body_that_is_not_a_CloudEvent_is_recorded_raw_with_the_problem()
    {
        var response = await Factory.CreateClient().DeliverAsync(Route, "garbage");

        (await response.TopicStatusAsync()).Should().Be("SUCCESS");
        var recorded = (await GetAsync()).Should().ContainSingle().Subject;
        recorded.Data.Should().Be("garbage");
        recorded.Problem.Should().StartWith("Not a CloudEvent");
        recorded.Id.Should().StartWith("raw-");
    }

    [Fact]
    public async Task Redelivered_dead_letter_is_recorded_once()
    {
        var client = Factory.CreateClient();
        using var counted = new MetricCollector<long>(
            Factory.Services.GetRequiredService<IMeterFactory>(), TelemetryExtensions.ActivitySourceName, MetricNames.DeadLettered);
        var body = DaprDelivery.Envelope("evt-d", "order_paid", null, Topics.OrdersDeadLetter).ToJsonString();

        await client.DeliverAsync(Route, body);
        var afterFirst = counted.GetMeasurementSnapshot().Sum(m => m.Value);
        await client.DeliverAsync(Route, body);

        (await GetAsync()).Should().ContainSingle();
        afterFirst.Should().Be(1, "the first delivery is the one recorded and counted");
        counted.GetMeasurementSnapshot().Sum(m => m.Value).Should().Be(1, "the dead-letter alert counts each event once");
        counted.Instrument!.Unit.Should().Be("{event}");
        counted.Instrument.Description.Should().Be("Events received on the dead-letter topic (each recorded once).");
    }

    [Fact]
    public async Task With_nothing_dead_lettered_the_list_is_empty()
    {
        var response = await Factory.ReaderClient().GetAsync("/api/notifications/deadletters");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("[]");
    }

    [Fact]
    public async Task Dead_letters_are_bounded_and_listed_newest_first()
    {
        Factory.Settings["Notifications:MaxDeadLetters"] = "2";
        var client = Factory.CreateClient();
        foreach (var id in new[] { "d-1", "d-2", "d-3" })
        {
            await client.DeliverAsync(Route, DaprDelivery.Envelope(id, "x", null, Topics.OrdersDeadLetter).ToJsonString());
            Factory.Time.Advance(TimeSpan.FromSeconds(1));
        }

        (await GetAsync()).Select(d => d.Id).Should().Equal("d-3", "d-2");
    }

    [Theory]
    [InlineData("GetState")]
    [InlineData("SaveState")]
    public async Task Store_failure_while_recording_asks_Dapr_to_retry(string method)
    {
        Factory.Hooks.Fail(method);

        var response = await Factory.CreateClient().DeliverAsync(Route, "garbage");

        (await response.TopicStatusAsync()).Should().Be("RETRY");
        (await Factory.StoredKeysAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Dead_letters_recorded_at_the_same_time_are_all_kept()
    {
        var client = Factory.CreateClient();
        var barrier = new CallBarrier(2);
        Factory.Hooks.Before("SaveState", barrier.ArriveAsync);

        var statuses = await Task.WhenAll(new[] { "d-1", "d-2" }.Select(async id =>
            await (await client.DeliverAsync(Route, DaprDelivery.Envelope(id, "x", null, Topics.OrdersDeadLetter).ToJsonString())).TopicStatusAsync()));

        statuses.Should().AllBe("SUCCESS");
        (await GetAsync()).Select(d => d.Id).Should().BeEquivalentTo("d-1", "d-2");
        Factory.Hooks.Calls("SaveState").Should().Be(3, "both raced at the same ETag; the loser read again and saved once more");
    }

    private async Task<List<DeadLetter>> GetAsync() =>
        (await Factory.ReaderClient().GetFromJsonAsync<List<DeadLetter>>("/api/notifications/deadletters", JsonDefaults.Options))!;
}
