using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrderPlatform.OrderService.Orders.Create;

namespace OrderPlatform.OrderService.Orders.Batch;

/// <summary>
/// <c>POST /api/orders/batch</c>: 200 with one result per entry (accepted / rejected / duplicate); an optional
/// <c>Idempotency-Key</c> makes a retried batch report the same orders instead of creating new ones.
/// </summary>
internal static class BatchOrdersEndpoint
{
    public static async Task<Results<Ok<BatchCreateOrdersResponse>, ValidationProblem>> HandleAsync(
        BatchCreateOrdersRequest request,
        [FromHeader(Name = CreateOrderEndpoint.IdempotencyHeader)] string? idempotencyKey,
        BatchEntryReader reader,
        BatchOrdersHandler handler,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Orders.Count is 0 or > BatchCreateOrdersRequest.MaxOrders)
        {
            errors["orders"] = [$"orders must hold 1 to {BatchCreateOrdersRequest.MaxOrders} orders."];
        }

        CreateOrderEndpoint.CheckIdempotencyKey(idempotencyKey, errors);
        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(await handler.HandleAsync([.. request.Orders.Select(reader.Read)], idempotencyKey, ct));
    }
}
