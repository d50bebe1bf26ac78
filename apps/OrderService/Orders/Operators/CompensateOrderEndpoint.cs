using Microsoft.AspNetCore.Http.HttpResults;

namespace OrderPlatform.OrderService.Orders.Operators;

/// <summary>
/// Operators: <c>POST /api/orders/{id}/compensate</c> for a failed or cancelled order (refund, release). 200 with the
/// order once every step is done, 502 when a step still fails, 404, 409 (<see cref="OperatorOutcome.ToResult"/>).
/// </summary>
internal static class CompensateOrderEndpoint
{
    public static async Task<Results<Ok<OrderView>, ProblemHttpResult>> HandleAsync(string id, OrderRepairs handler, CancellationToken ct) =>
        (await handler.CompensateAsync(id, ct)).ToResult(id);
}
