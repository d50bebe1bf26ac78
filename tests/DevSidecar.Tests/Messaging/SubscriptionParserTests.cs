using System.Text.Json;
using OrderPlatform.DevSidecar.Messaging.Subscriptions;

namespace OrderPlatform.DevSidecar.Tests.Messaging;

public class SubscriptionParserTests
{
    [Fact]
    public void Reads_v1_and_v2_subscriptions_in_either_property_casing()
    {
        var subscriptions = SubscriptionParser.Parse("notification-service", """
            [
              { "pubsubname": "order-pubsub", "topic": "orders", "route": "on-order", "deadLetterTopic": "orders-deadletter" },
              { "pubsubName": "order-pubsub", "topic": "payments",
                "routes": { "rules": [ { "match": "event.type == \"paid\"", "path": "/paid" } ], "default": "/payments" },
                "metadata": { "rawPayload": "true" } }
            ]
            """);

        subscriptions.Should().HaveCount(2);
        subscriptions[0].Should().BeEquivalentTo(new
        {
            AppId = "notification-service", PubsubName = "order-pubsub", Topic = "orders",
            DefaultRoute = "/on-order", DeadLetterTopic = "orders-deadletter", RawPayload = false,
        });
        subscriptions[0].Rules.Should().BeEmpty();
        subscriptions[1].DefaultRoute.Should().Be("/payments");
        subscriptions[1].RawPayload.Should().BeTrue();
        subscriptions[1].Rules.Should().ContainSingle().Which.Path.Should().Be("/paid");
    }

    [Fact]
    public void Selects_the_first_matching_rule_else_the_default_route()
    {
        var subscription = SubscriptionParser.Parse("a", """
            [ { "pubsubname": "p", "topic": "t", "routes": { "rules": [
                { "match": "event.type == \"a\"", "path": "first" },
                { "match": "event.type == \"a\" || event.type == \"b\"", "path": "second" } ] } } ]
            """)[0];

        subscription.SelectRoute(Event("a")).Should().Be("/first");
        subscription.SelectRoute(Event("b")).Should().Be("/second");
        subscription.SelectRoute(Event("c")).Should().BeNull("no rule matches and there is no default route");
    }

    [Theory]
    [InlineData("""{ "pubsubname": "p" }""")]
    [InlineData("""[ { "topic": "t" } ]""")]
    [InlineData("""[ { "pubsubname": "p", "topic": "t", "routes": { "rules": [ { "match": "event.type ==", "path": "/x" } ] } } ]""")]
    public void Rejects_invalid_lists(string json) =>
        FluentActions.Invoking(() => SubscriptionParser.Parse("a", json)).Should().Throw<FormatException>();

    private static JsonElement Event(string type) => JsonDocument.Parse($$"""{ "type": "{{type}}" }""").RootElement;
}
