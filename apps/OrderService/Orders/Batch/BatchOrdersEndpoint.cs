using Microsoft.AspNetCore.Http.HttpResults;

namespace OrderPlatform.OrderService.Orders.Batch;

/// <summary><c>POST /api/orders/batch</c>: 200 with one result per entry (accepted / rejected / duplicate).</summary>
internal static class BatchOrdersEndpoint
{
    public static async Task<Results<Ok<BatchCreateOrdersResponse>, ValidationProblem>> HandleAsync(
        BatchCreateOrdersRequest request, BatchEntryReader reader, BatchOrdersHandler handler, CancellationToken ct)
    {
        if (request.Orders.Count is 0 or > BatchCreateOrdersRequest.MaxOrders)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["orders"] = [$"orders must hold 1 to {BatchCreateOrdersRequest.MaxOrders} orders."],
            });
        }

        return TypedResults.Ok(await handler.HandleAsync([.. request.Orders.Select(reader.Read)], ct));
    }
}
