using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using OrderPlatform.DaprFiles;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace OrderPlatform.ServiceDefaults;

/// <summary>
/// The <c>InvocationResiliency</c> section. On Azure Container Apps the managed sidecar does not apply resiliency
/// policies to Dapr service invocation (Microsoft's "service discovery resiliency" article), so Bicep sets
/// <c>Mode=app</c> and <c>Spec</c> (the JSON of <c>components/resiliency.yaml</c>'s <c>policies</c> and
/// <c>targets.apps</c>) and the app applies them to its invocation clients. Locally the sidecar applies
/// resiliency.yaml itself, so the mode stays <c>sidecar</c> and nothing retries twice.
/// </summary>
public sealed class InvocationResilienceOptions
{
    public const string SectionName = "InvocationResiliency";

    /// <summary><c>sidecar</c> (default: the Dapr sidecar applies the policies) or <c>app</c>.</summary>
    public string Mode { get; set; } = "sidecar";

    /// <summary>JSON: <c>{ "policies": { timeouts, retries, circuitBreakers }, "targets": { "apps": { appId: { timeout, retry, circuitBreaker } } } }</c>.</summary>
    public string? Spec { get; set; }

    public bool AppliesInApp => string.Equals(Mode, "app", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Turns one app target of a Dapr resiliency spec into a Polly pipeline, in daprd's order: retry around circuit
/// breaker around a per-attempt timeout. A failure is what daprd counts as one for invocation: no answer (an
/// exception or the timeout) or a 5xx answer. Differences from daprd, by Polly's design: the breaker trips when every
/// call of at least N in the <c>interval</c> failed (daprd: N consecutive failures), and lets one trial call through
/// when half-open (daprd: <c>maxRequests</c>).
/// </summary>
public static partial class InvocationResilience
{
    public static void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> pipeline, string appId, string spec, TimeProvider time, Action? circuitOpened = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        using var document = JsonDocument.Parse(spec);
        var root = document.RootElement;
        if (!root.TryGetProperty("targets", out var targets) || !targets.TryGetProperty("apps", out var apps)
            || !apps.TryGetProperty(appId, out var target))
        {
            return;
        }

        var policies = root.GetProperty("policies");
        pipeline.TimeProvider = time;

        if (Named(target, "retry") is { } retryName)
        {
            var retry = policies.GetProperty("retries").GetProperty(retryName);
            var constant = retry.GetProperty("policy").GetString() == "constant";
            var maxRetries = retry.TryGetProperty("maxRetries", out var max) ? max.GetInt32() : -1;
            pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = Failure().Handle<BrokenCircuitException>(), // an open breaker is waited out like any failure
                MaxRetryAttempts = maxRetries < 0 ? int.MaxValue : maxRetries,
                BackoffType = constant ? DelayBackoffType.Constant : DelayBackoffType.Exponential,
                Delay = constant
                    ? DaprDuration.Parse(retry.GetProperty("duration").GetString() ?? string.Empty)
                    : retry.TryGetProperty("initialInterval", out var initial) ? DaprDuration.Parse(initial.GetString() ?? string.Empty) : TimeSpan.FromMilliseconds(500),
                MaxDelay = !constant && retry.TryGetProperty("maxInterval", out var maxInterval) ? DaprDuration.Parse(maxInterval.GetString() ?? string.Empty) : null,
            });
        }

        if (Named(target, "circuitBreaker") is { } breakerName)
        {
            var breaker = policies.GetProperty("circuitBreakers").GetProperty(breakerName);
            pipeline.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = Failure(),
                FailureRatio = 1.0,
                MinimumThroughput = ConsecutiveFailures(breaker.GetProperty("trip").GetString()),
                SamplingDuration = Max(DaprDuration.Parse(breaker.GetProperty("interval").GetString() ?? string.Empty), TimeSpan.FromMilliseconds(500)),
                BreakDuration = Max(DaprDuration.Parse(breaker.GetProperty("timeout").GetString() ?? string.Empty), TimeSpan.FromMilliseconds(500)),
                OnOpened = _ =>
                {
                    circuitOpened?.Invoke();
                    return ValueTask.CompletedTask;
                },
            });
        }

        if (Named(target, "timeout") is { } timeoutName)
        {
            pipeline.AddTimeout(DaprDuration.Parse(policies.GetProperty("timeouts").GetProperty(timeoutName).GetString() ?? string.Empty));
        }
    }

    /// <summary><c>consecutiveFailures &gt;= N</c> (or <c>&gt; N</c>): the only trip expression the platform uses.</summary>
    private static int ConsecutiveFailures(string? trip)
    {
        var match = TripPattern().Match(trip ?? string.Empty);
        return match.Success
            ? int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture) + (match.Groups["op"].Value == ">" ? 1 : 0)
            : throw new FormatException($"Unsupported circuit breaker trip '{trip}': use 'consecutiveFailures >= N'.");
    }

    /// <summary>What daprd counts as a failed invocation: no answer (an exception, the timeout) or a 5xx answer.</summary>
    private static PredicateBuilder<HttpResponseMessage> Failure() => new PredicateBuilder<HttpResponseMessage>()
        .Handle<HttpRequestException>()
        .Handle<TimeoutRejectedException>()
        .HandleResult(r => r.StatusCode >= HttpStatusCode.InternalServerError);

    private static string? Named(JsonElement target, string property) =>
        target.TryGetProperty(property, out var name) ? name.GetString() : null;

    private static TimeSpan Max(TimeSpan value, TimeSpan floor) => value < floor ? floor : value;

    [GeneratedRegex(@"^\s*consecutiveFailures\s*(?<op>>=|>)\s*(?<n>\d+)\s*$")]
    private static partial Regex TripPattern();
}
