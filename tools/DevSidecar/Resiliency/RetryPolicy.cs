namespace OrderPlatform.DevSidecar.Resiliency;

public enum RetryBackoff
{
    Constant,
    Exponential,
}

/// <summary>
/// A Dapr retry policy. Defaults follow the Dapr docs: policy constant, duration 5s, maxInterval 60s,
/// maxRetries -1 (forever). Exponential backoff is dapr/kit's: initial interval 500ms (not configurable in the
/// resiliency spec), multiplier 1.5, randomization ±50%, capped at maxInterval.
/// </summary>
public sealed record RetryPolicy(
    string Name,
    RetryBackoff Backoff,
    TimeSpan Duration,
    TimeSpan MaxInterval,
    int MaxRetries,
    StatusCodeSet HttpStatusCodes,
    StatusCodeSet GrpcStatusCodes)
{
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan DefaultMaxInterval = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan ExponentialInitialInterval = TimeSpan.FromMilliseconds(500);
    public const double ExponentialMultiplier = 1.5;
    public const double RandomizationFactor = 0.5;

    public bool RetriesForever => MaxRetries < 0;

    /// <summary>The wait before retry number <paramref name="attempt"/> (0-based), per the Dapr docs' formula.</summary>
    public TimeSpan DelayFor(int attempt, double random)
    {
        if (Backoff == RetryBackoff.Constant)
        {
            return Duration;
        }

        var baseMs = ExponentialInitialInterval.TotalMilliseconds * Math.Pow(ExponentialMultiplier, Math.Min(attempt, 64));
        var randomized = baseMs * (1 - RandomizationFactor + (2 * RandomizationFactor * random));
        return TimeSpan.FromMilliseconds(Math.Min(randomized, MaxInterval.TotalMilliseconds));
    }
}
