using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OrderPlatform.DevSidecar.Messaging.Broker;
using OrderPlatform.DevSidecar.Messaging.Subscriptions;

namespace OrderPlatform.DevSidecar.Tests.Messaging;

public class DeliveryHandlingTests
{
    private static readonly string QuickRetries = PubSubRig.InboundRetry("{ policy: constant, duration: 10ms, maxRetries: 2 }");

    private static object[] OrdersWithDeadLetter(string route = "/on-order") =>
    [
        new { pubsubname = PubSubRig.Pubsub, topic = "orders", route, deadLetterTopic = "orders-deadletter" },
        new { pubsubname = PubSubRig.Pubsub, topic = "orders-deadletter", route = "/dead" },
    ];

    private static Task Publish(PubSubRig rig, string type) =>
        rig.Host.CreateDaprClient("publisher").PublishEventAsync(PubSubRig.Pubsub, "orders", new { type },
            new Dictionary<string, string> { ["cloudevent.type"] = type });

    private static IResult Answer(string status) => Results.Json(new { status });

    [Fact]
    public async Task Retry_answers_are_redelivered_until_success()
    {
        await using var rig = await PubSubRig.StartAsync(QuickRetries);
        var attempts = 0;
        var subscriber = await rig.StartSubscriberAsync(OrdersWithDeadLetter(),
            app => app.MapPost("/on-order", () => Answer(Interlocked.Increment(ref attempts) == 1 ? "RETRY" : "SUCCESS")));

        await Publish(rig, "order_created");
        await TestApp.EventuallyAsync(() => Volatile.Read(ref attempts) == 2, "the retried event succeeds");

        var ids = subscriber.On("/on-order").Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("id").GetString()).ToList();
        ids.Should().HaveCount(2).And.OnlyContain(id => id == ids[0], "the same message is redelivered");
        rig.Host.GetRequiredService<InMemoryBroker>().Retained(PubSubRig.Pubsub, "orders-deadletter").Should().BeEmpty();
    }

    [Fact]
    public async Task A_drop_answer_sends_the_original_cloud_event_to_the_dead_letter_topic()
    {
        await using var rig = await PubSubRig.StartAsync(QuickRetries);
        var subscriber = await rig.StartSubscriberAsync(OrdersWithDeadLetter(), app =>
        {
            app.MapPost("/on-order", () => Answer("DROP"));
            app.MapPost("/dead", () => Results.Ok());
        });

        await Publish(rig, "order_failed");
        await TestApp.EventuallyAsync(() => subscriber.On("/dead").Count == 1, "the dropped event is dead-lettered");

        subscriber.On("/on-order").Should().ContainSingle("DROP is not retried");
        var original = JsonDocument.Parse(subscriber.On("/on-order")[0].Body).RootElement;
        var dead = JsonDocument.Parse(subscriber.On("/dead")[0].Body).RootElement;
        dead.GetProperty("id").GetString().Should().Be(original.GetProperty("id").GetString());
        dead.GetProperty("topic").GetString().Should().Be("orders");
        dead.GetProperty("type").GetString().Should().Be("order_failed");
    }

    [Fact]
    public async Task Failures_are_retried_per_the_inbound_policy_then_dead_lettered()
    {
        await using var rig = await PubSubRig.StartAsync(QuickRetries);
        var subscriber = await rig.StartSubscriberAsync(OrdersWithDeadLetter(), app =>
        {
            app.MapPost("/on-order", () => Results.StatusCode(500));
            app.MapPost("/dead", () => Results.Ok());
        });

        await Publish(rig, "order_created");
        await TestApp.EventuallyAsync(() => subscriber.On("/dead").Count == 1, "the failing event is dead-lettered");

        subscriber.On("/on-order").Should().HaveCount(3, "one delivery and maxRetries: 2 retries");
    }

    // Mirrors: dapr/dapr pkg/runtime/subscription/postman/http/http.go (404 → ErrMessageDropped) + pkg/runtime/subscription/subscription.go (dropped → dead-letter topic if configured)
    [Fact]
    public async Task A_404_is_not_retried_and_goes_to_the_dead_letter_topic_like_a_drop()
    {
        await using var rig = await PubSubRig.StartAsync(QuickRetries, pubsubMetadata: new Dictionary<string, string> { ["concurrency"] = "1" });
        var subscriber = await rig.StartSubscriberAsync(
            new object[]
            {
                new
                {
                    pubsubname = PubSubRig.Pubsub, topic = "orders", deadLetterTopic = "orders-deadletter",
                    routes = new { rules = new[] { new { match = "event.type == \"gone\"", path = "/unmapped" } }, @default = "/on-order" },
                },
                new { pubsubname = PubSubRig.Pubsub, topic = "orders-deadletter", route = "/dead" },
            },
            app =>
            {
                app.MapPost("/on-order", () => Results.Ok());
                app.MapPost("/dead", () => Results.Ok());
            });

        await Publish(rig, "gone");
        await TestApp.EventuallyAsync(() => subscriber.On("/dead").Count == 1, "the 404'd event is dead-lettered");

        subscriber.On("/unmapped").Should().ContainSingle("404 is not retried");
    }

    // Mirrors: dapr/dapr pkg/runtime/subscription/subscription.go (no inbound policy: one delivery, then the dead-letter topic)
    [Fact]
    public async Task Without_an_inbound_policy_a_failed_delivery_goes_straight_to_the_dead_letter_topic()
    {
        await using var rig = await PubSubRig.StartAsync();
        var subscriber = await rig.StartSubscriberAsync(OrdersWithDeadLetter(), app =>
        {
            app.MapPost("/on-order", () => Answer("RETRY"));
            app.MapPost("/dead", () => Results.Ok());
        });

        await Publish(rig, "order_created");
        await TestApp.EventuallyAsync(() => subscriber.On("/dead").Count == 1, "the failed event is dead-lettered");

        subscriber.On("/on-order").Should().ContainSingle("nothing retries it before the dead-letter topic");
    }

    // Mirrors: dapr/components-contrib common/component/azure/servicebus/subscription.go (handler error → AbandonMessage; Service Bus redelivers up to maxDeliveryCount, then its own dead-letter queue)
    [Fact]
    public async Task Without_a_dead_letter_topic_the_broker_redelivers_up_to_its_max_delivery_count_then_the_message_is_gone()
    {
        var types = await DeliveriesUntilMarkerAsync(inboundRetry: null, maxDeliveryCount: 3);

        types.Should().Equal("order_created", "order_created", "order_created", "marker");
    }

    // Mirrors: dapr/dapr pkg/runtime/subscription/subscription.go (the inbound policy runs per broker delivery) + components-contrib common/component/azure/servicebus/subscription.go
    [Fact]
    public async Task An_inbound_policy_retries_each_broker_delivery()
    {
        var types = await DeliveriesUntilMarkerAsync(QuickRetries, maxDeliveryCount: 2);

        types.Should().HaveCount(7, "2 deliveries × (1 + maxRetries: 2), then the next message")
            .And.EndWith("marker");
    }

    /// <summary>One subscriber failing every event but "marker" (published after it); concurrency 1, so the marker
    /// comes once the broker has given up on the event. Returns the event types in the order they arrived.</summary>
    private static async Task<List<string>> DeliveriesUntilMarkerAsync(string? inboundRetry, int maxDeliveryCount)
    {
        await using var rig = await PubSubRig.StartAsync(inboundRetry, pubsubMetadata: new Dictionary<string, string>
        {
            ["concurrency"] = "1",
            ["maxDeliveryCount"] = maxDeliveryCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var types = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await rig.StartSubscriberAsync(
            new[] { new { pubsubname = PubSubRig.Pubsub, topic = "orders", route = "/on-order" } },
            app => app.MapPost("/on-order", async (HttpRequest request) =>
            {
                using var body = await JsonDocument.ParseAsync(request.Body);
                var type = body.RootElement.GetProperty("type").GetString()!;
                types.Enqueue(type);
                return type == "marker" ? Results.Ok() : Answer("RETRY");
            }));

        await Publish(rig, "order_created");
        await Publish(rig, "marker");
        await TestApp.EventuallyAsync(() => types.Contains("marker"), "the next message is delivered once the broker gives up");
        return [.. types];
    }

    [Fact]
    public async Task Expired_messages_are_dropped_instead_of_delivered()
    {
        var time = new ShiftableTime();
        await using var rig = await PubSubRig.StartAsync(time: time, pubsubMetadata: new Dictionary<string, string> { ["concurrency"] = "1" });
        var dapr = rig.Host.CreateDaprClient("publisher");

        await dapr.PublishEventAsync(PubSubRig.Pubsub, "orders", new { n = 1 }, new Dictionary<string, string> { ["ttlInSeconds"] = "60" });
        time.Offset = TimeSpan.FromMinutes(2);
        await dapr.PublishEventAsync(PubSubRig.Pubsub, "orders", new { n = 2 });
        var subscriber = await rig.StartSubscriberAsync(
            new[] { new { pubsubname = PubSubRig.Pubsub, topic = "orders", route = "/on-order" } },
            app => app.MapPost("/on-order", () => Results.Ok()));
        await TestApp.EventuallyAsync(() => subscriber.On("/on-order").Count >= 1, "the live message is delivered");

        subscriber.On("/on-order").Should().ContainSingle()
            .Which.Text.Should().Contain("\"n\":2");
    }

    [Fact]
    public async Task Subscriptions_to_a_pubsub_the_app_is_not_scoped_to_are_ignored()
    {
        await using var rig = await PubSubRig.StartAsync();
        await rig.StartSubscriberAsync(
            new[]
            {
                new { pubsubname = PubSubRig.Pubsub, topic = "orders", route = "/on-order" },
                new { pubsubname = PubSubRig.PrivatePubsub, topic = "orders", route = "/private" },
            },
            app => app.MapPost("/on-order", () => Results.Ok()));

        var catalog = rig.Host.GetRequiredService<ISubscriptionCatalog>();
        catalog.IsDiscovered("subscriber").Should().BeTrue();
        catalog.ForApp("subscriber").Should().ContainSingle().Which.PubsubName.Should().Be(PubSubRig.Pubsub);
    }
}
