using Microsoft.AspNetCore.Http.HttpResults;

namespace OrderPlatform.NotificationService.Events;

/// <summary><c>POST /events/orders/unknown</c>: the subscription's default route.</summary>
internal static class UnknownEventEndpoint
{
    public static async Task<Ok<TopicResponse>> HandleAsync(HttpRequest request, UnknownEventProcessor processor, CancellationToken ct) =>
        TypedResults.Ok(await processor.HandleAsync(request, ct));
}
