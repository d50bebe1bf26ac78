using Dapr.Workflow;
using OrderPlatform.Contracts.Events;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.Contracts.Payments;
using OrderPlatform.Contracts.Shipping;
using OrderPlatform.OrderService.Storage;

namespace OrderPlatform.OrderService.Workflow;

/// <summary>
/// The step list of orders whose workflow started before each step activity recorded its own status
/// (<see cref="OrderWorkflowInput.RecordsInSteps"/> false): check-stock, reserve, charge, ship, commit as plain calls,
/// each status change a separate <c>RecordOrderStatusActivity</c>. Kept unchanged so those instances replay the history
/// they wrote (Dapr workflows replay every step on each episode); delete it, with the V1 steps of
/// <see cref="OrderSteps"/> and the plain step activities, once no such instance is left (no running order created
/// before the release that brought <see cref="OrderWorkflowInput.RecordsInSteps"/>).
/// </summary>
internal static class OrderWorkflowV1Steps
{
    public static async Task<OrderWorkflowResult> RunStepsAsync(OrderWorkflowInput input, OrderSteps steps, Task<CancelOrderSignal> cancel)
    {
        if (input.PublishesCreated)
        {
            // The order's first history entry already says this, so nothing is written: only order_created is published.
            await steps.RecordAsync(OrderStatus.Pending, StoredOrder.ReceivedDetail, OrderEventTypes.Created);
        }

        var stock = await steps.V1CheckStockAsync();
        if (!stock.Available)
        {
            return await steps.FailAsync(FailureReasons.OutOfStock(stock.Shortages));
        }

        if (input.RequiresApproval)
        {
            await steps.RecordAsync(OrderStatus.AwaitingApproval, $"total {input.Total} {input.Currency} is above the approval threshold of {input.ApprovalThreshold}");
            if (await steps.AwaitApprovalAsync(cancel) is { } ended)
            {
                return ended;
            }
        }

        if (cancel.IsCompleted)
        {
            return await steps.CancelAsync((await cancel).Reason);
        }

        var reservation = await steps.V1ReserveAsync();
        if (reservation.Status != ReservationStatus.Reserved)
        {
            return await steps.FailAsync(FailureReasons.ReservationRejected(reservation));
        }

        await steps.RecordAsync(OrderStatus.Reserved, "stock reserved");
        if (cancel.IsCompleted)
        {
            return await steps.CancelAsync((await cancel).Reason);
        }

        var payment = await steps.V1ChargeAsync();
        if (payment.Status != PaymentStatus.Charged)
        {
            return await steps.FailAsync($"payment declined: {payment.DeclineReason ?? "no reason given"}");
        }

        await steps.RecordAsync(OrderStatus.Paid, $"charged {payment.Amount} {input.Currency}", OrderEventTypes.Paid, paymentId: payment.PaymentId);
        if (cancel.IsCompleted)
        {
            return await steps.CancelAsync((await cancel).Reason);
        }

        var shipment = await steps.V1ShipAsync();
        if (shipment.Status != ShipmentStatus.Shipped)
        {
            return await steps.FailAsync($"shipment rejected: {shipment.Reason ?? "no reason given"}");
        }

        var commitProblem = await TryCommitAsync(steps);
        await steps.RecordAsync(OrderStatus.Shipped, "shipped", OrderEventTypes.Shipped, trackingNumber: shipment.TrackingNumber);
        if (commitProblem is not null)
        {
            await steps.RecordAsync(OrderStatus.Shipped, commitProblem);
        }

        if (cancel.IsCompleted)
        {
            await steps.RecordAsync(OrderStatus.Shipped, FailureReasons.CancelIgnored);
        }

        await steps.RecordAsync(OrderStatus.Completed, "order completed; customer notified", OrderEventTypes.Completed);
        return new OrderWorkflowResult(OrderStatus.Completed);
    }

    /// <summary>Null when committed; otherwise the history note describing why not (the order still completes).</summary>
    private static async Task<string?> TryCommitAsync(OrderSteps steps)
    {
        var result = await steps.V1CommitStockAsync();
        return result.Status == ReservationStatus.Committed ? null : FailureReasons.CommitRefused(result);
    }
}
