using System.ComponentModel.DataAnnotations;

namespace OrderPlatform.PaymentService;

/// <summary>The <c>Payments</c> configuration section (conflict retries are the kit's <c>StateStore</c> section).</summary>
public sealed class PaymentServiceOptions
{
    public const string SectionName = "Payments";

    /// <summary>Most a customer may have charged (and not refunded) in total.</summary>
    [Range(typeof(decimal), "0", "1000000000000")]
    public decimal PerCustomerLimit { get; set; } = 10_000m;

    /// <summary>Any token starting with this is declined with "card declined".</summary>
    [Required]
    public string DeclineTokenPrefix { get; set; } = "tok_decline";

    /// <summary>This token is declined with "insufficient funds".</summary>
    [Required]
    public string InsufficientFundsToken { get; set; } = "tok_insufficient_funds";

    /// <summary>Cap of the back-off while the secret store cannot be read at startup.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:05:00")]
    public TimeSpan SecretRetryMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    public FaultInjectionOptions FaultInjection { get; } = new();
}

/// <summary><c>Payments:FaultInjection</c>: off by default; when off, <c>/admin/faults</c> is not mapped at all.</summary>
public sealed class FaultInjectionOptions
{
    /// <summary>A bool: every value that binds is valid (a value that does not bind stops the start-up).</summary>
    public bool Enabled { get; set; }
}
