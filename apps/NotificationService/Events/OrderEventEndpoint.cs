using Microsoft.AspNetCore.Http.HttpResults;

namespace OrderPlatform.NotificationService.Events;

/// <summary><c>POST /events/orders/{type}</c>: one route per order event type; Dapr reads the status in the 200 body.</summary>
internal static class OrderEventEndpoint
{
    public static async Task<Ok<TopicResponse>> HandleAsync(string routeType, HttpRequest request, OrderEventProcessor processor, CancellationToken ct) =>
        TypedResults.Ok(await processor.HandleAsync(routeType, request, ct));
}
