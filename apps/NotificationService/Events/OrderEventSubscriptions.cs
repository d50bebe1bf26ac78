using Dapr;
using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Events;

namespace OrderPlatform.NotificationService.Events;

/// <summary>
/// Programmatic subscription (ACA has no declarative ones): one routing rule per <see cref="OrderEventTypes"/> value on
/// topic <c>orders</c>, a default route for unknown types, and <c>orders-deadletter</c> as the dead-letter topic.
/// <c>MapSubscribeHandler()</c> serves the resulting <c>GET /dapr/subscribe</c>.
/// </summary>
public static class OrderEventSubscriptions
{
    public static IEndpointRouteBuilder MapOrderEventSubscriptions(this IEndpointRouteBuilder app)
    {
        var priority = 0;
        foreach (var type in OrderEventTypes.All)
        {
            app.MapPost(OrderEventRoutes.For(type),
                    (HttpRequest request, OrderEventProcessor handler, CancellationToken ct) => handler.HandleAsync(type, request, ct))
                .WithTopic(Orders(OrderEventRoutes.MatchFor(type), priority++))
                .WithName($"OrderEvent_{type}");
        }

        app.MapPost(OrderEventRoutes.Unknown,
                (HttpRequest request, UnknownEventProcessor handler, CancellationToken ct) => handler.HandleAsync(request, ct))
            .WithTopic(Orders(match: null, priority))
            .WithName("OrderEvent_unknown");
        return app;
    }

    private static TopicOptions Orders(string? match, int priority) => new()
    {
        PubsubName = Components.PubSub,
        Name = Topics.Orders,
        Match = match!,
        Priority = priority,
        DeadLetterTopic = Topics.OrdersDeadLetter,
    };
}
