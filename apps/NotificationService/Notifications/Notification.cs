namespace OrderPlatform.NotificationService.Notifications;

/// <summary>One message to a customer, created from one order event (<see cref="Id"/> is the CloudEvent id).</summary>
public sealed record Notification(
    string Id,
    string CustomerId,
    string OrderId,
    string Type,
    string Message,
    DateTimeOffset OccurredAt,
    DateTimeOffset CreatedAt);
