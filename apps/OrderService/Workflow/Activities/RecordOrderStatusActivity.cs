using Dapr.Workflow;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Events;
using OrderPlatform.OrderService.Orders;
using OrderPlatform.OrderService.Storage;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.OrderService.Workflow.Activities;

/// <summary>
/// Applies one status change to the stored order (ETag-checked; a retry or replay never adds a second history entry)
/// and publishes the step's event when it has one (the event id is deterministic, so a re-publish is de-duplicated).
/// </summary>
public sealed class RecordOrderStatusActivity(OrderRepository orders, OrderEventPublisher events, OrderMetrics metrics)
    : WorkflowActivity<OrderStatusUpdate, OrderStatus>
{
    public override async Task<OrderStatus> RunAsync(WorkflowActivityContext context, OrderStatusUpdate input)
    {
        ArgumentNullException.ThrowIfNull(input);
        OrderTrace.Tag(input.OrderId);
        var applied = false;
        var order = await orders.UpdateAsync(input.OrderId, current =>
        {
            var next = current.Apply(input);
            applied = next is not null;
            return next;
        });
        if (applied)
        {
            // Counted once per status change: a retried or replayed activity finds it recorded and applies nothing.
            metrics.StatusRecorded(input.Status, input.FailureReason);
        }

        if (input.EventType is { } eventType)
        {
            await events.PublishAsync(order, eventType, input.At, input.Detail);
        }

        return order.Status;
    }
}
