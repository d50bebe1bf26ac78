using Dapr.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Storage;
using OrderPlatform.OrderService.Workflow;

namespace OrderPlatform.OrderService.Orders.Operators;

/// <summary>
/// Operators: <c>POST /api/orders/{id}/resume</c> re-drives an <see cref="OrderStatus.OnHold"/> order: its workflow
/// retries the step that kept failing (the history says which). 202 + order view; 404; 409 unless on hold.
/// </summary>
internal static class ResumeOrderEndpoint
{
    public static async Task<Results<Accepted<OrderView>, ProblemHttpResult>> HandleAsync(
        string id, OrderRepository orders, IDaprWorkflowClient workflows, TimeProvider clock, CancellationToken ct)
    {
        var order = await orders.GetAsync(id, ct); // null for an id that cannot be an order's key
        if (order is null)
        {
            return ApiProblems.NotFound(id);
        }

        if (order.Status != OrderStatus.OnHold)
        {
            return ApiProblems.Conflict($"Order '{id}' is {order.Status}; only an OnHold order can be resumed.");
        }

        // Raised only while the workflow waits on hold: an event raised earlier would be buffered and end a later hold at once.
        await workflows.RaiseEventAsync(id, OrderWorkflowEvents.ResumeOrder, new ResumeOrderSignal(clock.GetUtcNow()), ct);
        return TypedResults.Accepted(ApiProblems.Location(order.OrderId), OrderView.From(order));
    }
}
