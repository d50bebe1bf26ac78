using Dapr.Workflow;
using OrderPlatform.Contracts.Events;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.Contracts.Payments;
using OrderPlatform.Contracts.Shipping;
using OrderPlatform.OrderService.Downstream;

namespace OrderPlatform.OrderService.Workflow.Activities;

// The forward steps of OrderWorkflow: each calls its service (idempotent downstream by order id) and records what the
// answer means on the order, with its event, in the same activity (OrderStepRecorder). A retry calls again and finds
// the first outcome downstream and the change already recorded.

/// <summary>inventory-service <c>check-stock</c> before an approval: records <see cref="CheckStockStep.WhenAvailable"/> when the stock is there.</summary>
public sealed class CheckStockStepActivity(InventoryClient inventory, OrderStepRecorder recorder) : WorkflowActivity<CheckStockStep, CheckStockResponse>
{
    public override Task<CheckStockResponse> RunAsync(WorkflowActivityContext context, CheckStockStep input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return recorder.RunAsync(input.Recording, () => inventory.CheckStockAsync(input.Request),
            stock => stock.Available && input.WhenAvailable is { } next ? [next] : []);
    }
}

/// <summary>inventory-service <c>reserve</c> (reservation id = order id): records <see cref="OrderStatus.Reserved"/>.</summary>
public sealed class ReserveStockStepActivity(InventoryClient inventory, OrderStepRecorder recorder) : WorkflowActivity<ReserveStockStep, ReservationResult>
{
    public override Task<ReservationResult> RunAsync(WorkflowActivityContext context, ReserveStockStep input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return recorder.RunAsync(input.Recording, () => inventory.ReserveAsync(input.Request),
            reservation => reservation.Status == ReservationStatus.Reserved ? [input.Recording.Update(OrderStatus.Reserved, StepDetails.Reserved)] : []);
    }
}

/// <summary>payment-service <c>process-payment</c> (a retry never charges twice): records <see cref="OrderStatus.Paid"/> + <c>order_paid</c>.</summary>
public sealed class ProcessPaymentStepActivity(PaymentClient payments, OrderStepRecorder recorder) : WorkflowActivity<ProcessPaymentStep, PaymentResult>
{
    public override Task<PaymentResult> RunAsync(WorkflowActivityContext context, ProcessPaymentStep input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return recorder.RunAsync(input.Recording, () => payments.ChargeAsync(input.Request),
            payment => payment.Status == PaymentStatus.Charged
                ? [input.Recording.Update(OrderStatus.Paid, StepDetails.Charged(payment, input.Request.Currency), OrderEventTypes.Paid, paymentId: payment.PaymentId)]
                : []);
    }
}

/// <summary>shipping-service <c>ship</c> (a retry returns the stored shipment): records <see cref="OrderStatus.Shipped"/> + <c>order_shipped</c>.</summary>
public sealed class ShipOrderStepActivity(ShippingClient shipping, OrderStepRecorder recorder) : WorkflowActivity<ShipOrderStep, ShipmentResult>
{
    public override Task<ShipmentResult> RunAsync(WorkflowActivityContext context, ShipOrderStep input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return recorder.RunAsync(input.Recording, () => shipping.ShipAsync(input.Request),
            shipment => shipment.Status == ShipmentStatus.Shipped
                ? [input.Recording.Update(OrderStatus.Shipped, StepDetails.Shipped, OrderEventTypes.Shipped, trackingNumber: shipment.TrackingNumber)]
                : []);
    }
}

/// <summary>
/// inventory-service <c>commit</c> once shipped, then the order's end: an answer other than Committed is a note on
/// <see cref="OrderStatus.Shipped"/> (never compensated: the goods are gone), a cancel that came after shipping another,
/// then <see cref="OrderStatus.Completed"/> + <c>order_completed</c>, all in one save.
/// </summary>
public sealed class CommitStockStepActivity(InventoryClient inventory, OrderStepRecorder recorder) : WorkflowActivity<CommitStockStep, ReservationResult>
{
    public override Task<ReservationResult> RunAsync(WorkflowActivityContext context, CommitStockStep input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return recorder.RunAsync(input.Recording, () => inventory.CommitAsync(input.Request), commit =>
        {
            var updates = new List<OrderStatusUpdate>(3);
            if (commit.Status != ReservationStatus.Committed)
            {
                updates.Add(input.Recording.Update(OrderStatus.Shipped, FailureReasons.CommitRefused(commit)));
            }

            if (input.CancelIgnored)
            {
                updates.Add(input.Recording.Update(OrderStatus.Shipped, FailureReasons.CancelIgnored));
            }

            updates.Add(input.Recording.Update(OrderStatus.Completed, StepDetails.Completed, OrderEventTypes.Completed));
            return updates;
        });
    }
}
