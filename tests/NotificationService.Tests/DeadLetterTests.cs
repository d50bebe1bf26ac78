using System.Net.Http.Json;
using NotificationService.Tests.Infrastructure;
using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Events;
using OrderPlatform.NotificationService.DeadLetters;
using OrderPlatform.ServiceDefaults;

namespace NotificationService.Tests;

public sealed class DeadLetterTests : IDisposable
{
    private const string Route = "/events/orders/deadletter";
    private readonly NotificationApiFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task Dead_lettered_event_is_recorded_for_operators()
    {
        var body = DaprDelivery.Envelope("o-1:order_paid", OrderEventTypes.Paid,
            DaprDelivery.Data(DaprDelivery.Event(OrderEventTypes.Paid, customerId: "")), Topics.OrdersDeadLetter).ToJsonString();

        var response = await factory.CreateClient().DeliverAsync(Route, body);

        (await response.TopicStatusAsync()).Should().Be("SUCCESS");
        var recorded = (await GetAsync()).Should().ContainSingle().Subject;
        recorded.Id.Should().Be("o-1:order_paid");
        recorded.Type.Should().Be(OrderEventTypes.Paid);
        recorded.Source.Should().Be(AppIds.OrderService);
        recorded.Topic.Should().Be(Topics.OrdersDeadLetter);
        recorded.Data.Should().Contain("\"orderId\":\"o-1\"");
        recorded.ReceivedAt.Should().Be(factory.Time.GetUtcNow());
    }

    [Fact]
    public async Task Body_that_is_not_a_CloudEvent_is_recorded_raw_with_the_problem()
    {
        var response = await factory.CreateClient().DeliverAsync(Route, "garbage");

        (await response.TopicStatusAsync()).Should().Be("SUCCESS");
        var recorded = (await GetAsync()).Should().ContainSingle().Subject;
        recorded.Data.Should().Be("garbage");
        recorded.Problem.Should().StartWith("Not a CloudEvent");
        recorded.Id.Should().StartWith("raw-");
    }

    [Fact]
    public async Task Redelivered_dead_letter_is_recorded_once()
    {
        var client = factory.CreateClient();
        var body = DaprDelivery.Envelope("evt-d", "order_paid", null, Topics.OrdersDeadLetter).ToJsonString();

        await client.DeliverAsync(Route, body);
        await client.DeliverAsync(Route, body);

        (await GetAsync()).Should().ContainSingle();
    }

    [Fact]
    public async Task Dead_letters_are_bounded_and_listed_newest_first()
    {
        factory.Settings["Notifications:MaxDeadLetters"] = "2";
        var client = factory.CreateClient();
        foreach (var id in new[] { "d-1", "d-2", "d-3" })
        {
            await client.DeliverAsync(Route, DaprDelivery.Envelope(id, "x", null, Topics.OrdersDeadLetter).ToJsonString());
            factory.Time.Advance(TimeSpan.FromSeconds(1));
        }

        (await GetAsync()).Select(d => d.Id).Should().Equal("d-3", "d-2");
    }

    [Fact]
    public async Task Store_failure_while_recording_asks_Dapr_to_retry()
    {
        factory.Store.FailReads<List<DeadLetter>>();

        var response = await factory.CreateClient().DeliverAsync(Route, "garbage");

        (await response.TopicStatusAsync()).Should().Be("RETRY");
    }

    private async Task<List<DeadLetter>> GetAsync() =>
        (await factory.CreateClient().GetFromJsonAsync<List<DeadLetter>>("/api/notifications/deadletters", JsonDefaults.Options))!;
}
