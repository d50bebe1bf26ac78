using Dapr.Workflow;
using OrderPlatform.Contracts.Events;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Events;
using OrderPlatform.OrderService.Storage;
using OrderPlatform.OrderService.Workflow;

namespace OrderPlatform.OrderService.Orders.Intake;

/// <summary>
/// Starts a saved order: schedules its workflow (instance id = order id), which publishes <c>order_created</c> as its
/// first step. Publishing it here, after the schedule, lost it for good when the pub/sub failed (the request failed
/// with the workflow already running, and a replay found the workflow and published nothing); in the workflow it is
/// retried durably. Only a saved input from before that change (<see cref="OrderWorkflowInput.PublishesCreated"/>
/// false) is still published here.
/// </summary>
public sealed class OrderStarter(IDaprWorkflowClient workflows, OrderEventPublisher events, OrderWorkflowInputs inputs, TimeProvider clock, OrderMetrics metrics)
{
    /// <summary>How long a pending order may be without its workflow before a replay starts it (its own request may still be starting it).</summary>
    public static readonly TimeSpan StartGrace = TimeSpan.FromSeconds(30);

    /// <summary>
    /// For a replayed request: a pending order older than <see cref="StartGrace"/> whose workflow does not exist (saving
    /// it succeeded, scheduling failed) is started now.
    /// </summary>
    public async Task EnsureStartedAsync(StoredOrder order, string? paymentToken, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Status != OrderStatus.Pending || clock.GetUtcNow() - order.CreatedAt < StartGrace
            || await workflows.GetWorkflowStateAsync(order.OrderId, getInputsAndOutputs: false, ct) is { Exists: true })
        {
            return;
        }

        await StartAsync(order, paymentToken, ct);
    }

    /// <summary>The order with its workflow input, to be saved in the same insert (the reconciler starts it from there).</summary>
    public StoredOrder WithWorkflowInput(StoredOrder order, string? paymentToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order with { WorkflowInput = inputs.For(order, paymentToken) };
    }

    public async Task StartAsync(StoredOrder order, string? paymentToken, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var input = order.WorkflowInput ?? inputs.For(order, paymentToken);
        await workflows.ScheduleNewWorkflowAsync(nameof(OrderWorkflow), order.OrderId, input);
        metrics.OrderStarted();
        if (!input.PublishesCreated)
        {
            await events.PublishAsync(order, OrderEventTypes.Created, order.CreatedAt, StoredOrder.ReceivedDetail, ct);
        }
    }
}
