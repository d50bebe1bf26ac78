using OrderPlatform.Contracts.Events;

namespace OrderPlatform.NotificationService.Events;

/// <summary>Paths Dapr delivers order events to (declared in <c>GET /dapr/subscribe</c>).</summary>
public static class OrderEventRoutes
{
    public const string Unknown = "/events/orders/unknown";
    public const string DeadLetter = "/events/orders/deadletter";

    /// <summary>The path for one <see cref="OrderEventTypes"/> value, e.g. <c>/events/orders/order_paid</c>.</summary>
    public static string For(string eventType) => $"/events/orders/{eventType}";

    /// <summary>The routing rule Dapr evaluates against the CloudEvent.</summary>
    public static string MatchFor(string eventType) => $"event.type == \"{eventType}\"";
}
