using Dapr.Workflow;
using Microsoft.Extensions.Logging;
using OrderPlatform.Contracts.Events;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.Contracts.Payments;
using OrderPlatform.Contracts.Shipping;

namespace OrderPlatform.OrderService.Workflow;

/// <summary>
/// [check stock → approval] → reserve → charge → ship → commit stock and complete, compensating (refund, release) on a
/// business refusal (out of stock, declined, unserviceable) and on a <c>CancelOrder</c> event seen before shipping.
/// Each step activity records its own status change and event (<see cref="OrderStepRecorder"/>); the first one publishes
/// <c>order_created</c>. Faults are retried, then hold the order for an operator (<see cref="OrderSteps"/>): they never
/// compensate. Deterministic: time comes from the context, I/O from activities. Instances started before the steps
/// recorded their own status replay their own step list (<see cref="OrderWorkflowV1Steps"/>).
/// </summary>
public sealed class OrderWorkflow : Workflow<OrderWorkflowInput, OrderWorkflowResult>
{
    public override async Task<OrderWorkflowResult> RunAsync(WorkflowContext context, OrderWorkflowInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        // Logs once per real step, not again on every replay of the history.
        var log = context.CreateReplaySafeLogger<OrderWorkflow>();
        log.LogInformation("Order {OrderId} workflow started: {Total} {Currency}, approval {Approval}",
            input.OrderId, input.Total, input.Currency, input.RequiresApproval ? "required" : "not required");
        var cancel = context.WaitForExternalEventAsync<CancelOrderSignal>(OrderWorkflowEvents.CancelOrder, CancellationToken.None);
        var steps = new OrderSteps(context, input, cancel);
        OrderWorkflowResult result;
        try
        {
            result = input.RecordsInSteps
                ? await RunStepsAsync(context, input, steps, cancel)
                : await OrderWorkflowV1Steps.RunStepsAsync(input, steps, cancel);
        }
        catch (OrderCancelledOnHoldException ex)
        {
            result = await steps.CancelAsync(ex.Message);
        }

        log.LogInformation("Order {OrderId} ended {Status}: {Reason}", input.OrderId, result.Status, result.Reason ?? "no reason given");
        return result;
    }

    private static async Task<OrderWorkflowResult> RunStepsAsync(
        WorkflowContext context, OrderWorkflowInput input, OrderSteps steps, Task<CancelOrderSignal> cancel)
    {
        if (input.RequiresApproval)
        {
            // Before waiting (up to a day) for a person, check that the stock is there; without approval the reservation
            // is the stock check: it refuses a shortage all the same, one call and one step fewer.
            var awaitingApproval = new OrderStatusUpdate(input.OrderId, OrderStatus.AwaitingApproval, Now(context),
                $"total {input.Total} {input.Currency} is above the approval threshold of {input.ApprovalThreshold}");
            var stock = await steps.CheckStockAsync(whenAvailable: awaitingApproval);
            if (!stock.Available)
            {
                return await steps.FailAsync(FailureReasons.OutOfStock(stock.Shortages));
            }

            if (await steps.AwaitApprovalAsync(cancel) is { } ended)
            {
                return ended;
            }
        }

        if (cancel.IsCompleted)
        {
            return await steps.CancelAsync((await cancel).Reason);
        }

        var reservation = await steps.ReserveAsync();
        if (reservation.Status != ReservationStatus.Reserved)
        {
            return await steps.FailAsync(input.RequiresApproval
                ? FailureReasons.ReservationRejected(reservation)
                : FailureReasons.OutOfStock(reservation.Shortages));
        }

        if (cancel.IsCompleted)
        {
            return await steps.CancelAsync((await cancel).Reason);
        }

        var payment = await steps.ChargeAsync();
        if (payment.Status != PaymentStatus.Charged)
        {
            return await steps.FailAsync($"payment declined: {payment.DeclineReason ?? "no reason given"}");
        }

        if (cancel.IsCompleted)
        {
            return await steps.CancelAsync((await cancel).Reason);
        }

        var shipment = await steps.ShipAsync();
        if (shipment.Status != ShipmentStatus.Shipped)
        {
            return await steps.FailAsync($"shipment rejected: {shipment.Reason ?? "no reason given"}");
        }

        // From here a cancel is only noted: the goods are gone.
        await steps.CommitAndCompleteAsync(cancelIgnored: cancel.IsCompleted);
        return new OrderWorkflowResult(OrderStatus.Completed);
    }

    private static DateTimeOffset Now(WorkflowContext context) => new(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));
}
