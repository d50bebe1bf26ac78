using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.NotificationService.Events;

namespace OrderPlatform.NotificationService.DeadLetters;

/// <summary><c>POST /events/orders/deadletter</c>: the <c>orders-deadletter</c> subscription.</summary>
internal static class DeadLetterEndpoint
{
    public static async Task<Ok<TopicResponse>> HandleAsync(HttpRequest request, DeadLetterHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(request, ct));
}
