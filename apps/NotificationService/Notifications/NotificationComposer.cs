using System.Globalization;
using OrderPlatform.Contracts.Events;

namespace OrderPlatform.NotificationService.Notifications;

/// <summary>The customer-facing text for each order event type.</summary>
public static class NotificationComposer
{
    public static Notification Compose(string eventId, string eventType, OrderEvent orderEvent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        var message = Message(eventType, orderEvent);
        var occurredAt = orderEvent.OccurredAt == default ? now : orderEvent.OccurredAt;
        return new Notification(eventId, orderEvent.CustomerId, orderEvent.OrderId, eventType, message, occurredAt, now);
    }

    public static string Message(string eventType, OrderEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var total = e.Total.ToString("0.00", CultureInfo.InvariantCulture);
        return eventType switch
        {
            OrderEventTypes.Created => $"We received your order {e.OrderId} (total {total}).",
            OrderEventTypes.Paid => $"Your order {e.OrderId} was paid ({total}).",
            OrderEventTypes.Shipped => e.TrackingNumber is { Length: > 0 } tracking
                ? $"Your order {e.OrderId} has shipped. Tracking number: {tracking}."
                : $"Your order {e.OrderId} has shipped.",
            OrderEventTypes.Completed => $"Your order {e.OrderId} is complete. Thank you!",
            OrderEventTypes.Failed => $"We could not complete your order {e.OrderId}{Because(e.Detail)}.",
            OrderEventTypes.Cancelled => $"Your order {e.OrderId} was cancelled{Because(e.Detail)}.",
            _ => throw new ArgumentOutOfRangeException(nameof(eventType), eventType, "Not an order event type."),
        };
    }

    private static string Because(string? detail) => string.IsNullOrWhiteSpace(detail) ? string.Empty : $": {detail.Trim().TrimEnd('.')}";
}
