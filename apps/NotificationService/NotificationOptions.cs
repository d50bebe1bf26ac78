namespace OrderPlatform.NotificationService;

/// <summary>The <c>Notifications</c> configuration section.</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary>How many notifications are kept per customer (newest kept).</summary>
    public int MaxPerCustomer { get; set; } = 100;

    /// <summary>How many dead-lettered events are kept for operators (newest kept).</summary>
    public int MaxDeadLetters { get; set; } = 100;

    /// <summary>ETag-conflict attempts for one list update before the event is handed back to Dapr for redelivery.</summary>
    public int MaxConflictAttempts { get; set; } = 5;

    /// <summary>How long processed-event markers are kept (Dapr <c>ttlInSeconds</c>); longer than any redelivery window.</summary>
    public TimeSpan ProcessedMarkerTtl { get; set; } = TimeSpan.FromDays(30);
}
