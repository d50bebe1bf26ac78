using Dapr.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Orders.Reconciliation;
using OrderPlatform.OrderService.Storage;

namespace OrderPlatform.OrderService.Orders.Operators;

/// <summary>One order an operator should look at, and why.</summary>
public sealed record AttentionItem(OrderView Order, string Reason);

public sealed record AttentionList(IReadOnlyList<AttentionItem> Items);

/// <summary>
/// Operators: <c>GET /api/orders/attention</c> lists every order on hold (with the hold's history entry: which step
/// and why) and every non-terminal order the reconciler finds not moving (no workflow, a workflow that ended while the
/// order did not, or no change for <see cref="ReconciliationOptions.StuckAfter"/>), oldest first per status.
/// </summary>
internal static class AttentionEndpoint
{
    public static async Task<Ok<AttentionList>> HandleAsync(
        OpenOrders open, IDaprWorkflowClient workflows, IOptions<ReconciliationOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var items = new List<AttentionItem>();
        await foreach (var order in open.ListAsync(ct))
        {
            var state = await workflows.GetWorkflowStateAsync(order.OrderId, getInputsAndOutputs: false, ct);
            if (Reason(order, state, clock.GetUtcNow(), options.Value) is { } reason)
            {
                items.Add(new AttentionItem(OrderView.From(order, WorkflowStatusView.From(state)), reason));
            }
        }

        return TypedResults.Ok(new AttentionList(items));
    }

    internal static string? Reason(StoredOrder order, WorkflowState? state, DateTimeOffset now, ReconciliationOptions settings)
    {
        if (order.Status == OrderStatus.OnHold)
        {
            return order.History is [.., { Detail: { } detail }] ? detail : "on hold";
        }

        return OrderReconciler.Decide(order, state, now, settings) switch
        {
            OrderReconciler.ReconcileAction.Start => "no workflow instance yet: the reconciler starts it from the saved input",
            OrderReconciler.ReconcileAction.ResumeSuspended => "workflow suspended: the reconciler resumes it",
            OrderReconciler.ReconcileAction.FailExpired =>
                "no workflow moves it and its reservation expired: the reconciler refunds, releases and fails it",
            OrderReconciler.ReconcileAction.Attention when state is not { Exists: true } =>
                "no workflow instance and no saved workflow input: replay the create request with its Idempotency-Key, or cancel it",
            OrderReconciler.ReconcileAction.Attention when state.RuntimeStatus is not (WorkflowRuntimeStatus.Running or WorkflowRuntimeStatus.Pending) =>
                $"the workflow is {state.RuntimeStatus.ToString().ToLowerInvariant()} but the order is {order.Status.ToString().ToLowerInvariant()}",
            OrderReconciler.ReconcileAction.Attention => $"stuck: no change since {order.UpdatedAt:O} while its workflow runs",
            _ => null,
        };
    }
}
