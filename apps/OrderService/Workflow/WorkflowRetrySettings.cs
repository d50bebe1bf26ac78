using System.ComponentModel.DataAnnotations;

namespace OrderPlatform.OrderService.Workflow;

/// <summary>
/// A durable backoff: the first delay, doubled after each failure up to <paramref name="MaxInterval"/>, for
/// <paramref name="Window"/> after the first failure. Copied into the workflow input so a replay never reads configuration.
/// </summary>
public sealed record RetrySettings(TimeSpan FirstInterval, TimeSpan MaxInterval, TimeSpan Window)
{
    /// <summary>
    /// Faults of forward steps (check-stock, reserve, charge, ship, commit, status recording): ten minutes, far longer
    /// than <c>paymentCircuitBreaker</c>'s 30 s open state (components/resiliency.yaml), so an outage is ridden out.
    /// </summary>
    public static readonly RetrySettings DefaultFault = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10));

    /// <summary>Refund and release: a day of attempts (at most a minute apart) before the order is put on hold.</summary>
    public static readonly RetrySettings DefaultCompensation = new(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), TimeSpan.FromDays(1));

    /// <summary>The next delay after <paramref name="delay"/>: doubled, capped at <see cref="MaxInterval"/>.</summary>
    public TimeSpan Next(TimeSpan delay) => delay * 2 < MaxInterval ? delay * 2 : MaxInterval;
}

/// <summary>One retry section of <c>OrderWorkflow</c> (<c>FaultRetry</c>, <c>CompensationRetry</c>), validated at start-up.</summary>
public sealed class RetrySettingsOptions : IValidatableObject
{
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan FirstInterval { get; set; }

    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan MaxInterval { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan Window { get; set; }

    public RetrySettings ToSettings() => new(FirstInterval, MaxInterval, Window);

    /// <summary>WorkflowRetryPolicy refuses a max interval or timeout below the first interval.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxInterval < FirstInterval)
        {
            yield return new ValidationResult("MaxInterval must not be below FirstInterval.", [nameof(MaxInterval)]);
        }

        if (Window < FirstInterval)
        {
            yield return new ValidationResult("Window must not be below FirstInterval.", [nameof(Window)]);
        }
    }
}

/// <summary>The <c>OrderWorkflow:FaultRetry</c> and <c>OrderWorkflow:CompensationRetry</c> sections.</summary>
public static class WorkflowRetrySections
{
    public const string Fault = "OrderWorkflow:FaultRetry";
    public const string Compensation = "OrderWorkflow:CompensationRetry";
}
