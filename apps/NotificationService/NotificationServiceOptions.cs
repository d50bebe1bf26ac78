using System.ComponentModel.DataAnnotations;

namespace OrderPlatform.NotificationService;

/// <summary>
/// The <c>Notifications</c> configuration section. Each list is one state value, rewritten whole on every addition,
/// so its length is bounded. ETag-conflict retries are the kit's <c>StateStore:ConflictAttempts</c>.
/// </summary>
public sealed class NotificationServiceOptions
{
    public const string SectionName = "Notifications";

    /// <summary>How many notifications are kept per customer (newest kept).</summary>
    [Range(1, 1000)]
    public int MaxPerCustomer { get; set; } = 100;

    /// <summary>How many dead-lettered events are kept for operators (newest kept).</summary>
    [Range(1, 1000)]
    public int MaxDeadLetters { get; set; } = 100;

    /// <summary>How long processed-event markers are kept (Dapr <c>ttlInSeconds</c>); longer than any redelivery window.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan ProcessedMarkerTtl { get; set; } = TimeSpan.FromDays(30);
}
