namespace OrderPlatform.Contracts.Events;

/// <summary>
/// CloudEvent <c>type</c> values published on <see cref="Topics.Orders"/>. The publisher sets the CloudEvent type
/// through the <c>cloudevent.type</c> metadata and the id through <c>cloudevent.id</c> (<see cref="OrderEvent.EventId"/>),
/// so a retried publish carries the same id and subscribers can de-duplicate.
/// </summary>
public static class OrderEventTypes
{
    public const string Created = "order_created";
    public const string Paid = "order_paid";
    public const string Shipped = "order_shipped";
    public const string Completed = "order_completed";
    public const string Failed = "order_failed";
    public const string Cancelled = "order_cancelled";

    public static readonly IReadOnlyList<string> All = [Created, Paid, Shipped, Completed, Failed, Cancelled];
}

/// <summary>The data of every order CloudEvent.</summary>
public sealed record OrderEvent(
    string OrderId,
    string CustomerId,
    string Type,
    decimal Total,
    string Status,
    DateTimeOffset OccurredAt,
    string? Detail = null,
    string? PaymentId = null,
    string? TrackingNumber = null)
{
    /// <summary>Deterministic CloudEvent id: one per order and event type.</summary>
    public static string EventId(string orderId, string type) => $"{orderId}:{type}";
}
