using System.Security.Claims;
using Dapr.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.OrderService.Auth;
using OrderPlatform.OrderService.Storage;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.OrderService.Orders;

/// <summary>
/// <c>GET /api/orders/{id}</c>: the stored order plus its workflow instance's runtime status. Another customer's order
/// is 404, as one that does not exist (its existence is not told); operators read any.
/// </summary>
internal static class GetOrderEndpoint
{
    public static async Task<Results<Ok<OrderView>, ProblemHttpResult>> HandleAsync(
        string id, ClaimsPrincipal user, OrderRepository orders, IDaprWorkflowClient workflows, CancellationToken ct)
    {
        OrderTrace.Tag(id);
        var order = await orders.GetAsync(id, ct);
        if (order is null || !user.MayAccess(order.CustomerId))
        {
            return ApiProblems.NotFound(id);
        }

        var state = await workflows.GetWorkflowStateAsync(id, getInputsAndOutputs: false, ct);
        return TypedResults.Ok(OrderView.From(order, WorkflowStatusView.From(state)));
    }
}
