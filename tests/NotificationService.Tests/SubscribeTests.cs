using System.Text.Json;
using OrderPlatform.NotificationService.Tests.Support;
using OrderPlatform.Contracts.Events;

namespace OrderPlatform.NotificationService.Tests;

/// <summary>
/// <c>GET /dapr/subscribe</c> as daprd reads it. Dapr parses it with Go's case-insensitive JSON decoding
/// (<c>pubsubName</c> = <c>pubsubname</c>) and accepts paths with or without the leading slash.
/// </summary>
public sealed class SubscribeTests : NotificationServiceTest
{
    [Fact]
    public async Task Orders_subscription_has_a_rule_per_event_type_a_default_route_and_the_dead_letter_topic()
    {
        var orders = await SubscriptionAsync("orders");

        Property(orders, "pubsubname").GetString().Should().Be("order-pubsub");
        Property(orders, "deadLetterTopic").GetString().Should().Be("orders-deadletter");
        var routes = Property(orders, "routes");
        Path(Property(routes, "default")).Should().Be("/events/orders/unknown");
        var rules = Property(routes, "rules").EnumerateArray()
            .Select(r => (Match: Property(r, "match").GetString(), Path: Path(Property(r, "path"))))
            .ToList();
        rules.Should().BeEquivalentTo(OrderEventTypes.All.Select(t => (Match: $"event.type == \"{t}\"", Path: $"/events/orders/{t}")),
            o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task Dead_letter_topic_has_its_own_subscription_to_the_recording_route()
    {
        var deadLetters = await SubscriptionAsync("orders-deadletter");

        Property(deadLetters, "pubsubname").GetString().Should().Be("order-pubsub");
        Path(Property(deadLetters, "route")).Should().Be("/events/orders/deadletter");
    }

    [Fact]
    public async Task Every_route_in_the_subscription_is_served()
    {
        var client = Factory.CreateClient();
        var orders = await SubscriptionAsync("orders");
        var paths = Property(Property(orders, "routes"), "rules").EnumerateArray().Select(r => Path(Property(r, "path")))
            .Append("/events/orders/unknown").Append("/events/orders/deadletter");

        foreach (var path in paths)
        {
            var response = await client.DeliverAsync(path, "not json");
            // Served (a missing route is a 404): an event route drops a body that is no event, the dead-letter route
            // keeps whatever reaches it.
            (await response.TopicStatusAsync()).Should().Be(path == "/events/orders/deadletter" ? "SUCCESS" : "DROP", path);
        }
    }

    private async Task<JsonElement> SubscriptionAsync(string topic)
    {
        var json = await Factory.CreateClient().GetStringAsync("/dapr/subscribe");
        var subscriptions = JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();
        subscriptions.Should().HaveCount(2);
        return subscriptions.Single(s => Property(s, "topic").GetString() == topic);
    }

    private static JsonElement Property(JsonElement element, string name) =>
        element.EnumerateObject().Single(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static string Path(JsonElement path) => "/" + path.GetString()!.TrimStart('/');
}
