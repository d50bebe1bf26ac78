using Dapr;
using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Events;

namespace OrderPlatform.NotificationService.Events;

/// <summary>
/// The programmatic subscription (ACA has no declarative ones): one routing rule per <see cref="OrderEventTypes"/>
/// value on topic <c>orders</c>, a default route for unknown types, <c>orders-deadletter</c> as the dead-letter topic,
/// and that topic's own route. <c>MapSubscribeHandler()</c> serves them as <c>GET /dapr/subscribe</c>.
/// </summary>
public static class OrderEventSubscriptions
{
    public const string UnknownPath = "/events/orders/unknown";
    public const string DeadLetterPath = "/events/orders/deadletter";

    /// <summary>The path Dapr delivers one <see cref="OrderEventTypes"/> value to, e.g. <c>/events/orders/order_paid</c>.</summary>
    public static string PathFor(string eventType) => $"/events/orders/{eventType}";

    /// <summary>The routing rule for <paramref name="eventType"/>, evaluated by Dapr against the CloudEvent.</summary>
    public static TopicOptions Rule(string eventType, int priority) => Orders($"event.type == \"{eventType}\"", priority);

    /// <summary>The default route: events no rule matches.</summary>
    public static TopicOptions Default(int priority) => Orders(match: null, priority);

    private static TopicOptions Orders(string? match, int priority) => new()
    {
        PubsubName = Components.PubSub,
        Name = Topics.Orders,
        Match = match!,
        Priority = priority,
        DeadLetterTopic = Topics.OrdersDeadLetter,
    };
}
