using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.OrderService.Orders.Intake;

namespace OrderPlatform.OrderService.Orders.Batch;

/// <summary>
/// <c>POST /api/orders/batch</c>: 200 with one result per entry (accepted / rejected / duplicate); an optional
/// <c>Idempotency-Key</c> makes a retried batch report the same orders instead of creating new ones.
/// </summary>
internal static class BatchOrdersEndpoint
{
    public static async Task<Results<Ok<BatchCreateOrdersResponse>, ProblemHttpResult>> HandleAsync(
        BatchCreateOrdersRequest request,
        [AsParameters] IdempotencyKeyHeader idempotency,
        BatchEntryReader reader,
        BatchOrdersHandler handler,
        HttpResponse response,
        CancellationToken ct)
    {
        try
        {
            return TypedResults.Ok(await handler.HandleAsync([.. request.Orders.Select(reader.Read)], idempotency.Value, ct));
        }
        catch (CatalogueUnavailableException)
        {
            return ApiProblems.CatalogueUnavailable(response);
        }
    }
}
