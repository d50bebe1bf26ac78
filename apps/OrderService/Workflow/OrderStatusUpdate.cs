using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Storage;

namespace OrderPlatform.OrderService.Workflow;

/// <summary>One workflow step's change to the stored order; <paramref name="EventType"/> is published when set.</summary>
public sealed record OrderStatusUpdate(
    string OrderId,
    OrderStatus Status,
    DateTimeOffset At,
    string? Detail,
    string? EventType = null,
    string? PaymentId = null,
    string? TrackingNumber = null,
    string? FailureReason = null);

public static class OrderStatusUpdateExtensions
{
    /// <summary>
    /// The order after <paramref name="update"/>, or null when the last history entry already records it (a retried
    /// or replayed activity must not add a second entry).
    /// </summary>
    public static StoredOrder? Apply(this StoredOrder order, OrderStatusUpdate update)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(update);
        var last = order.History.Count > 0 ? order.History[^1] : null;
        if (last is not null && last.Status == update.Status && last.Detail == update.Detail)
        {
            return null;
        }

        return order with
        {
            Status = update.Status,
            History = [.. order.History, new OrderStatusChange(update.Status, update.At, update.Detail)],
            UpdatedAt = update.At,
            PaymentId = update.PaymentId ?? order.PaymentId,
            TrackingNumber = update.TrackingNumber ?? order.TrackingNumber,
            FailureReason = update.FailureReason ?? order.FailureReason,
        };
    }

    /// <summary>
    /// The order after <paramref name="updates"/> (applied in order, written by one save), or null when its history
    /// already ends with the last of them: the batch was recorded by an earlier run of the same step.
    /// </summary>
    public static StoredOrder? ApplyAll(this StoredOrder order, IReadOnlyList<OrderStatusUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(updates);
        if (updates.Count == 0 || order.Apply(updates[^1]) is null)
        {
            return null;
        }

        return updates.Aggregate(order, (current, update) => current.Apply(update) ?? current);
    }
}
