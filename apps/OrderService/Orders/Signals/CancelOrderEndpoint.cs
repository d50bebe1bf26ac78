using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace OrderPlatform.OrderService.Orders.Signals;

/// <summary>
/// <c>POST /api/orders/{id}/cancel</c> (optional body): 202 when <c>CancelOrder</c> was raised, 404 (also for another
/// customer's order; operators cancel any), 409.
/// </summary>
internal static class CancelOrderEndpoint
{
    public static async Task<Results<Accepted<OrderView>, ProblemHttpResult>> HandleAsync(
        string id,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] CancelOrderRequest? request,
        ClaimsPrincipal user,
        OrderSignalHandler handler,
        CancellationToken ct) =>
        (await handler.CancelAsync(id, request?.Reason, user, ct)).ToResult(id);
}
