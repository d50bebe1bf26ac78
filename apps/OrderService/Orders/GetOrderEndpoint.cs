using Dapr.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.OrderService.Storage;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.OrderService.Orders;

/// <summary><c>GET /api/orders/{id}</c>: the stored order plus its workflow instance's runtime status.</summary>
internal static class GetOrderEndpoint
{
    public static async Task<Results<Ok<OrderView>, ProblemHttpResult>> HandleAsync(
        string id, OrderRepository orders, IDaprWorkflowClient workflows, CancellationToken ct)
    {
        OrderTrace.Tag(id);
        var order = await orders.GetAsync(id, ct);
        if (order is null)
        {
            return ApiProblems.NotFound(id);
        }

        var state = await workflows.GetWorkflowStateAsync(id, getInputsAndOutputs: false, ct);
        return TypedResults.Ok(OrderView.From(order, WorkflowStatusView.From(state)));
    }
}
