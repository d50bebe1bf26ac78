using Dapr.Workflow;
using Microsoft.Extensions.Options;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Orders.Intake;
using OrderPlatform.OrderService.Storage;
using OrderPlatform.OrderService.Workflow;

namespace OrderPlatform.OrderService.Orders.Reconciliation;

/// <summary>What one reconciliation pass did.</summary>
public sealed record ReconciliationReport(int Examined, int Started, int Resumed, int Expired, int NeedAttention, int Failed = 0);

/// <summary>
/// Finds orders that are not moving and moves them, once even when every replica runs it at the same tick: each
/// workflow action is taken only by the replica that wrote its first-write marker (<see cref="OrderRepository.TryClaimAsync"/>:
/// an insert-only write, so exactly one replica's succeeds), and a workflow's instance id is its order id; failing an
/// expired order relies on downstream idempotency by order id and the order's ETag instead (<see cref="ExpiredOrderFailer"/>).
/// <list type="bullet">
/// <item>a pending order past <see cref="OrderStarter.StartGrace"/> with no workflow (scheduling or the publish failed
/// after the insert) is started from the workflow input saved with it;</item>
/// <item>a suspended workflow is resumed;</item>
/// <item>an order on hold for <see cref="ReconciliationOptions.ResumeOnHoldAfter"/> is resumed once per hold;</item>
/// <item>an order still on hold past <see cref="ReconciliationOptions.ReservationExpiry"/> is cancelled: its workflow
/// refunds and releases the reservation (unless shipping was attempted, then it waits for an operator);</item>
/// <item>an order no workflow will move (none exists and none can be started from a saved input, or its workflow ended
/// while the order did not) is failed with compensation once past <see cref="ReconciliationOptions.ReservationExpiry"/>,
/// if it had not reached payment (<see cref="ExpiredOrderFailer"/>).</item>
/// </list>
/// Anything else not moving (such an order before its expiry or after payment, a running workflow whose order has not
/// changed for <see cref="ReconciliationOptions.StuckAfter"/>) is left for an operator and listed by
/// <c>GET /api/orders/attention</c>. An order saved without its workflow input is never started: its payment token was
/// not saved, and starting it with the default one would charge the wrong card.
/// </summary>
public sealed class OrderReconciler(
    OpenOrders open, OrderRepository orders, IDaprWorkflowClient workflows, OrderStarter starter, ExpiredOrderFailer expired,
    IOptions<ReconciliationOptions> options, TimeProvider clock, ILogger<OrderReconciler> logger)
{
    /// <summary>Markers outlive every action they guard.</summary>
    private static readonly TimeSpan MarkerTtl = TimeSpan.FromDays(30);

    public const string ExpiredReason = "reservation expired: the order stayed on hold past its deadline";

    public async Task<ReconciliationReport> RunAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var replica = Environment.MachineName;
        int examined = 0, started = 0, resumed = 0, cancelled = 0, attention = 0, failed = 0;
        await foreach (var order in open.ListAsync(ct))
        {
            examined++;
            var now = clock.GetUtcNow();
            var state = await workflows.GetWorkflowStateAsync(order.OrderId, getInputsAndOutputs: false, ct);
            switch (Decide(order, state, now, settings))
            {
                case ReconcileAction.Start when await orders.TryClaimAsync($"reconcile:{order.OrderId}:start", replica, MarkerTtl, ct):
                    await starter.StartAsync(order, paymentToken: null, ct);
                    logger.LogInformation("Reconciler started the workflow of stranded order {OrderId}", order.OrderId);
                    started++;
                    break;
                case ReconcileAction.ResumeSuspended when await orders.TryClaimAsync($"reconcile:{order.OrderId}:unsuspend:{state!.LastUpdatedAt.UtcTicks}", replica, MarkerTtl, ct):
                    await workflows.ResumeWorkflowAsync(order.OrderId, "reconciler", ct);
                    resumed++;
                    break;
                case ReconcileAction.ResumeHold when await orders.TryClaimAsync($"reconcile:{order.OrderId}:resume:{order.UpdatedAt.UtcTicks}", replica, MarkerTtl, ct):
                    await workflows.RaiseEventAsync(order.OrderId, OrderWorkflowEvents.ResumeOrder, new ResumeOrderSignal(now), ct);
                    logger.LogInformation("Reconciler resumed order {OrderId}, on hold since {Since}", order.OrderId, order.UpdatedAt);
                    resumed++;
                    break;
                case ReconcileAction.Expire when await orders.TryClaimAsync($"reconcile:{order.OrderId}:expire", replica, MarkerTtl, ct):
                    await workflows.RaiseEventAsync(order.OrderId, OrderWorkflowEvents.CancelOrder, new CancelOrderSignal(ExpiredReason), ct);
                    logger.LogWarning("Reconciler cancelled order {OrderId}: on hold past its reservation expiry", order.OrderId);
                    cancelled++;
                    break;
                case ReconcileAction.FailExpired:
                    var outcome = await expired.FailAsync(order, ct);
                    logger.LogWarning("Reconciler failed order {OrderId} past its reservation expiry with no workflow moving it: {Outcome}", order.OrderId, outcome);
                    (failed, attention) = outcome switch
                    {
                        ExpiryOutcome.Failed => (failed + 1, attention),
                        ExpiryOutcome.Shipped => (failed, attention + 1),
                        _ => (failed, attention),
                    };
                    break;
                case ReconcileAction.Attention:
                    attention++;
                    break;
            }
        }

        return new ReconciliationReport(examined, started, resumed, cancelled, attention, failed);
    }

    internal enum ReconcileAction
    {
        None,
        Start,
        ResumeSuspended,
        ResumeHold,
        Expire,
        FailExpired,
        Attention,
    }

    internal static ReconcileAction Decide(StoredOrder order, WorkflowState? state, DateTimeOffset now, ReconciliationOptions settings)
    {
        if (state is not { Exists: true })
        {
            if (order.Status == OrderStatus.Pending && now - order.CreatedAt < OrderStarter.StartGrace)
            {
                return ReconcileAction.None;
            }

            return order.Status == OrderStatus.Pending && order.WorkflowInput is not null
                ? ReconcileAction.Start
                : NothingMoves(order, now, settings);
        }

        return state.RuntimeStatus switch
        {
            WorkflowRuntimeStatus.Suspended => ReconcileAction.ResumeSuspended,
            WorkflowRuntimeStatus.Running or WorkflowRuntimeStatus.Pending when order.Status == OrderStatus.OnHold =>
                now - order.CreatedAt >= settings.ReservationExpiry ? ReconcileAction.Expire
                : now - order.UpdatedAt >= settings.ResumeOnHoldAfter ? ReconcileAction.ResumeHold
                : ReconcileAction.None,
            WorkflowRuntimeStatus.Running or WorkflowRuntimeStatus.Pending =>
                now - order.UpdatedAt >= settings.StuckAfter && order.Status != OrderStatus.AwaitingApproval ? ReconcileAction.Attention : ReconcileAction.None,
            _ => NothingMoves(order, now, settings),
        };
    }

    /// <summary>No workflow will move the order: past its reservation expiry, and before payment, it is failed and compensated.</summary>
    private static ReconcileAction NothingMoves(StoredOrder order, DateTimeOffset now, ReconciliationOptions settings) =>
        now - order.CreatedAt >= settings.ReservationExpiry && ExpiredOrderFailer.Applies(order.Status)
            ? ReconcileAction.FailExpired
            : ReconcileAction.Attention;
}
