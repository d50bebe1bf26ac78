using Microsoft.AspNetCore.Http.HttpResults;

namespace OrderPlatform.OrderService.Orders.Operators;

/// <summary>
/// Operators: <c>POST /api/orders/{id}/compensate</c> (failed or cancelled orders) and <c>/commit-stock</c> (shipped or
/// completed ones). 200 with the order once every step is done, 502 when a step still fails (the attempt is in the
/// order's history; call again), 404, 409 for an order the action does not apply to.
/// </summary>
internal static class OperatorEndpoints
{
    public static async Task<Results<Ok<OrderView>, ProblemHttpResult>> CompensateAsync(string id, OrderRepairs handler, CancellationToken ct) =>
        ToResult(id, await handler.CompensateAsync(id, ct));

    public static async Task<Results<Ok<OrderView>, ProblemHttpResult>> CommitStockAsync(string id, OrderRepairs handler, CancellationToken ct) =>
        ToResult(id, await handler.CommitStockAsync(id, ct));

    private static Results<Ok<OrderView>, ProblemHttpResult> ToResult(string id, OperatorOutcome outcome) => outcome switch
    {
        { Found: false } => ApiProblems.NotFound(id),
        { Order: null } => ApiProblems.Conflict(outcome.Conflict ?? "The action does not apply to this order."),
        { Problems.Count: > 0 } => TypedResults.Problem(
            string.Join("; ", outcome.Problems), statusCode: StatusCodes.Status502BadGateway, title: "Operator action incomplete"),
        _ => TypedResults.Ok(OrderView.From(outcome.Order)),
    };
}
