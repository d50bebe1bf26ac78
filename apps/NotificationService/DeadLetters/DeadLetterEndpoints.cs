using Dapr;
using OrderPlatform.Contracts;
using OrderPlatform.NotificationService.Events;

namespace OrderPlatform.NotificationService.DeadLetters;

public static class DeadLetterEndpoints
{
    /// <summary>
    /// The <c>orders-deadletter</c> subscription (<c>POST /events/orders/deadletter</c>) and
    /// <c>GET /api/notifications/deadletters</c> (newest first).
    /// </summary>
    public static IEndpointRouteBuilder MapDeadLetterEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(OrderEventRoutes.DeadLetter,
                (HttpRequest request, DeadLetterHandler handler, CancellationToken ct) => handler.HandleAsync(request, ct))
            .WithTopic(Components.PubSub, Topics.OrdersDeadLetter)
            .WithName("OrderDeadLetter");

        app.MapGet("/api/notifications/deadletters",
                async (DeadLetterRepository repository, CancellationToken ct) =>
                    TypedResults.Ok((await repository.GetAsync(ct)).OrderByDescending(d => d.ReceivedAt).ToList()))
            .WithName("GetDeadLetters");
        return app;
    }
}
