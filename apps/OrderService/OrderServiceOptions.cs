using System.ComponentModel.DataAnnotations;

namespace OrderPlatform.OrderService;

/// <summary>order-service's configuration: the <c>Orders</c> section (validated at start-up).</summary>
public sealed class OrderServiceOptions
{
    public const string SectionName = "Orders";

    /// <summary>Orders whose total is above this wait for a manual <c>ApprovalDecision</c>.</summary>
    [Range(typeof(decimal), "0", "100000000000")]
    public decimal ApprovalThreshold { get; set; } = 1000m;

    /// <summary>How long an order waits for approval before it fails with "approval timed out".</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan ApprovalTimeout { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Sent as pub/sub metadata <c>ttlInSeconds</c> on every published order event.</summary>
    [Range(1, 31_536_000)]
    public int EventTtlSeconds { get; set; } = 3600;

    /// <summary>
    /// How long an <c>Idempotency-Key</c> is remembered (state <c>ttlInSeconds</c> on its record): a replay within it
    /// returns the first order; after it, the key is free again and the same request creates a new order.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan IdempotencyKeyTtl { get; set; } = TimeSpan.FromHours(24);

    /// <summary>ISO-4217 currency of every order and charge.</summary>
    [Required]
    [RegularExpression("^[A-Z]{3}$")]
    public string Currency { get; set; } = "USD";
}
