using Dapr.Workflow;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.OrderService.Workflow.Activities;

/// <summary>
/// Applies one status change that no step's call stands behind (approval, hold, resume, compensation notes, failure,
/// cancellation) to the stored order (ETag-checked; a retry or replay never adds a second history entry) and publishes
/// its event when it has one (the event id is deterministic, so a re-publish is de-duplicated).
/// </summary>
public sealed class RecordOrderStatusActivity(OrderStepRecorder recorder) : WorkflowActivity<OrderStatusUpdate, OrderStatus>
{
    public override async Task<OrderStatus> RunAsync(WorkflowActivityContext context, OrderStatusUpdate input)
    {
        ArgumentNullException.ThrowIfNull(input);
        OrderTrace.Tag(input.OrderId);
        return (await recorder.RecordAsync(input.OrderId, [input])).Status;
    }
}
