using OrderPlatform.Contracts.Events;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.Contracts.Payments;
using OrderPlatform.OrderService.Downstream;
using OrderPlatform.OrderService.Events;
using OrderPlatform.OrderService.Storage;
using OrderPlatform.OrderService.Workflow;

namespace OrderPlatform.OrderService.Orders.Reconciliation;

/// <summary>What failing an expired order did.</summary>
public enum ExpiryOutcome
{
    /// <summary>Refunded (or nothing was charged), released, and this call recorded the order failed.</summary>
    Failed,

    /// <summary>Compensated, but another replica (or an earlier pass) had already recorded the order's end.</summary>
    AlreadyEnded,

    /// <summary>inventory-service says the reservation was committed: the goods left, so nothing is failed (operator).</summary>
    Shipped,
}

/// <summary>
/// Fails an order that will never complete (no workflow will move it: none exists, or it ended while the order did
/// not) once its reservation has expired, compensating it first: refund, then release, both idempotent downstream by
/// order id (payment-service keys the one payment of an order by order id; the reservation id is the order id).
/// Only for orders before shipping (<see cref="Applies"/>): a paid order may have shipped, so it is left to an operator.
/// <para>
/// Exactly once with several replicas: each replica may call refund and release (each takes effect once downstream),
/// publishes <c>order_failed</c> under its deterministic CloudEvent id (subscribers drop the copy) and writes the
/// status with the order's ETag; only the write that finds the order still open records it, so the history, the
/// metric and the end happen once. Publishing before the write means a write that fails is simply tried again by the
/// next pass, never leaving a failed order whose event was lost. A downstream fault throws: the order stays open and
/// the next pass tries again.
/// </para>
/// </summary>
public sealed class ExpiredOrderFailer(
    OrderRepository orders, PaymentClient payments, InventoryClient inventory, OrderEventPublisher events, OrderMetrics metrics, TimeProvider clock)
{
    public const string Reason = "reservation expired: the order will never complete (no workflow moves it)";

    /// <summary>The statuses in which nothing can have shipped: the workflow records Paid before it calls shipping.</summary>
    public static bool Applies(OrderStatus status) =>
        status is OrderStatus.Pending or OrderStatus.AwaitingApproval or OrderStatus.Approved or OrderStatus.Reserved;

    public async Task<ExpiryOutcome> FailAsync(StoredOrder order, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        var refund = await payments.RefundAsync(new RefundRequest(order.OrderId, Reason), ct);
        var release = await inventory.ReleaseAsync(new ReleaseStockRequest(order.OrderId), ct);
        if (release.Status == ReservationStatus.Committed)
        {
            return ExpiryOutcome.Shipped;
        }

        var now = clock.GetUtcNow();
        var detail = $"{Reason}; refund {refund.Status}, stock release {release.Status}";
        await events.PublishAsync(order with { Status = OrderStatus.Failed }, OrderEventTypes.Failed, now, detail, ct);
        var recorded = false;
        await orders.UpdateAsync(order.OrderId, current =>
        {
            // Set on every attempt: a write that lost the ETag race is decided again from the order read afresh.
            recorded = Applies(current.Status);
            return !recorded ? null : current.Apply(new OrderStatusUpdate(current.OrderId, OrderStatus.Failed, now, detail, FailureReason: Reason));
        }, ct);
        if (recorded)
        {
            metrics.StatusRecorded(OrderStatus.Failed, Reason);
        }

        return recorded ? ExpiryOutcome.Failed : ExpiryOutcome.AlreadyEnded;
    }
}
