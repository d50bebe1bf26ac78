using Microsoft.AspNetCore.Http.HttpResults;

namespace OrderPlatform.OrderService.Orders.Compensation;

/// <summary>
/// <c>POST /api/orders/{id}/compensate</c> (operators): 200 with the order once refund and release are done, 502 when a
/// downstream call still fails (the attempt is in the order's history; call again), 404, 409 unless failed/cancelled.
/// </summary>
internal static class CompensateOrderEndpoint
{
    public static async Task<Results<Ok<OrderView>, ProblemHttpResult>> HandleAsync(string id, CompensateOrderHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, ct);
        return outcome switch
        {
            { Found: false } => ApiProblems.NotFound(id),
            { Order: null } => ApiProblems.Conflict(outcome.Conflict ?? "The order cannot be compensated."),
            { Problems.Count: > 0 } => TypedResults.Problem(
                string.Join("; ", outcome.Problems), statusCode: StatusCodes.Status502BadGateway, title: "Compensation incomplete"),
            _ => TypedResults.Ok(OrderView.From(outcome.Order)),
        };
    }
}
