using System.ComponentModel.DataAnnotations;

namespace OrderPlatform.PaymentService.Configuration;

/// <summary>The <c>Payments</c> configuration section.</summary>
public sealed class PaymentOptions
{
    public const string Section = "Payments";

    /// <summary>Most a customer may have charged (and not refunded) in total.</summary>
    [Range(typeof(decimal), "0", "1000000000000")]
    public decimal PerCustomerLimit { get; set; } = 10_000m;

    /// <summary>Any token starting with this is declined with "card declined".</summary>
    [Required]
    public string DeclineTokenPrefix { get; set; } = "tok_decline";

    /// <summary>This token is declined with "insufficient funds".</summary>
    [Required]
    public string InsufficientFundsToken { get; set; } = "tok_insufficient_funds";

    [Range(1, 1000)]
    public int ConflictRetryAttempts { get; set; } = 10;

    public TimeSpan ConflictRetryDelay { get; set; } = TimeSpan.FromMilliseconds(20);

    public TimeSpan ConflictRetryMaxDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Cap of the back-off while the secret store cannot be read at startup.</summary>
    public TimeSpan SecretRetryMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    public FaultInjectionOptions FaultInjection { get; } = new();
}

/// <summary><c>Payments:FaultInjection</c>: off by default; when off, <c>/admin/faults</c> is not mapped at all.</summary>
public sealed class FaultInjectionOptions
{
    public bool Enabled { get; set; }
}
