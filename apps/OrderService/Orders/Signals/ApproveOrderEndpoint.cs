using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace OrderPlatform.OrderService.Orders.Signals;

/// <summary>
/// Operators: <c>POST /api/orders/{id}/approve</c>: 202 when <c>ApprovalDecision</c> was raised (the approver is the
/// caller), 403 for the order's own customer, 404, 409.
/// </summary>
internal static class ApproveOrderEndpoint
{
    public static async Task<Results<Accepted<OrderView>, ProblemHttpResult>> HandleAsync(
        string id, ApprovalRequest request, ClaimsPrincipal user, OrderSignalHandler handler, CancellationToken ct) =>
        (await handler.ApproveAsync(id, request, user, ct)).ToResult(id);
}
