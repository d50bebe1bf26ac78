using Microsoft.AspNetCore.Http.HttpResults;

namespace OrderPlatform.OrderService.Orders.Operators;

/// <summary>
/// Operators: <c>POST /api/orders/{id}/commit-stock</c> for a shipped or completed order whose stock commit failed.
/// 200 with the order once committed, 502 otherwise, 404, 409 (<see cref="OperatorOutcome.ToResult"/>).
/// </summary>
internal static class CommitOrderStockEndpoint
{
    public static async Task<Results<Ok<OrderView>, ProblemHttpResult>> HandleAsync(string id, OrderRepairs handler, CancellationToken ct) =>
        (await handler.CommitStockAsync(id, ct)).ToResult(id);
}
