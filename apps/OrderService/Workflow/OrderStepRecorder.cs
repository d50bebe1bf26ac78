using OrderPlatform.Contracts.Events;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Events;
using OrderPlatform.OrderService.Orders;
using OrderPlatform.OrderService.Storage;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.ServiceDefaults.State;

namespace OrderPlatform.OrderService.Workflow;

/// <summary>
/// Records status changes on the stored order and publishes their events, for the status-recording activity and for
/// each step activity, which records what its own call's answer means. Safe to run again (activities are at least
/// once): a batch already at the end of the history is not written twice, and events have deterministic ids, so a
/// re-publish is de-duplicated by subscribers.
/// </summary>
public sealed class OrderStepRecorder(OrderRepository orders, OrderEventPublisher events, OrderMetrics metrics)
{
    /// <summary>
    /// One step: <c>order_created</c> first when it is the order's first step (so the customer hears of the order even
    /// while the call keeps failing), then the call, then the changes <paramref name="records"/> derives from its answer
    /// (none for a refusal: the workflow decides what follows). The order read for <c>order_created</c> is the version
    /// the changes are saved at: no second read unless another writer came in between.
    /// </summary>
    public async Task<TResult> RunAsync<TResult>(
        StepRecording recording, Func<Task<TResult>> call, Func<TResult, IReadOnlyList<OrderStatusUpdate>> records)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(records);
        OrderTrace.Tag(recording.OrderId);
        Versioned<StoredOrder>? read = null;
        if (recording.PublishesCreated)
        {
            var known = await orders.ReadAsync(recording.OrderId);
            var order = known.Value ?? throw new KeyNotFoundException($"Order '{recording.OrderId}' does not exist.");
            // What the order's first history entry says, even when a retry of this step finds later changes stored.
            await events.PublishAsync(order with { Status = OrderStatus.Pending }, OrderEventTypes.Created, recording.At, StoredOrder.ReceivedDetail);
            read = known;
        }

        var result = await call();
        var updates = records(result);
        if (updates.Count > 0)
        {
            await RecordAsync(recording.OrderId, updates, read);
        }

        return result;
    }

    /// <summary>
    /// Applies <paramref name="updates"/> in one ETag'd save (from <paramref name="known"/> when given, else read now),
    /// counts the ones that end or hold the order, and publishes the event of each that has one. Returns the order.
    /// </summary>
    public async Task<StoredOrder> RecordAsync(string orderId, IReadOnlyList<OrderStatusUpdate> updates, Versioned<StoredOrder>? known = null)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var applied = false;
        StoredOrder? Change(StoredOrder current)
        {
            var next = current.ApplyAll(updates);
            applied = next is not null;
            return next;
        }

        var order = known is { } version
            ? await orders.UpdateAsync(orderId, version, Change)
            : await orders.UpdateAsync(orderId, Change);
        if (applied)
        {
            // Counted once per status change: a retried or replayed activity finds it recorded and applies nothing.
            foreach (var update in updates)
            {
                metrics.StatusRecorded(update.Status, update.FailureReason);
            }
        }

        foreach (var update in updates)
        {
            if (update.EventType is { } eventType)
            {
                await events.PublishAsync(order, eventType, update.At, update.Detail);
            }
        }

        return order;
    }
}
