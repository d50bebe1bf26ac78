namespace OrderPlatform.DevSidecar.Resiliency;

/// <summary>
/// A Dapr circuit breaker (gobreaker semantics). Defaults per the Dapr docs: maxRequests 1, interval 0s (counts never
/// cleared while closed), timeout 60s (time spent open before half-open), trip `consecutiveFailures > 5`.
/// </summary>
public sealed record CircuitBreakerPolicy(
    string Name,
    int MaxRequests,
    TimeSpan Interval,
    TimeSpan Timeout,
    TripExpression Trip)
{
    public const int DefaultMaxRequests = 1;
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);
    public const string DefaultTrip = "consecutiveFailures > 5";
}
