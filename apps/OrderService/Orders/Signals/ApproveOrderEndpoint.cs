using Microsoft.AspNetCore.Http.HttpResults;

namespace OrderPlatform.OrderService.Orders.Signals;

/// <summary><c>POST /api/orders/{id}/approve</c>: 202 when <c>ApprovalDecision</c> was raised, 404, 409.</summary>
internal static class ApproveOrderEndpoint
{
    public static async Task<Results<Accepted<OrderView>, ProblemHttpResult>> HandleAsync(
        string id, ApprovalRequest request, OrderSignalHandler handler, CancellationToken ct) =>
        (await handler.ApproveAsync(id, request, ct)).ToResult(id);
}
