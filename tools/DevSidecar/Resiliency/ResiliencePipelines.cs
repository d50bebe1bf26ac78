using System.Collections.Concurrent;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace OrderPlatform.DevSidecar.Resiliency;

/// <summary>
/// Singleton. One Polly pipeline per (sidecar app-id, target): like daprd, each app's sidecar keeps its own circuit
/// breaker state per target, and that state lives across calls. Order as in daprd: retry (outermost) → circuit
/// breaker → timeout per attempt. An open breaker is not retried (daprd treats it as a permanent error).
/// </summary>
public sealed class ResiliencePipelines(ResiliencyPolicies policies, TimeProvider timeProvider)
{
    private const int MinimumTimeoutMs = 10;
    private readonly ConcurrentDictionary<(string App, PolicyTarget Target, Type Result), object> cache = new();

    public PolicyDefinition Definition(string sidecarAppId, PolicyTarget target, RetryPolicy? defaultRetry = null)
    {
        var definition = policies.Resolve(sidecarAppId, target);
        return definition.Retry is null && defaultRetry is not null ? definition with { Retry = defaultRetry } : definition;
    }

    /// <param name="defaultRetry">Used when no retry policy applies (e.g. a broker's own redelivery).</param>
    public ResiliencePipeline<T> For<T>(
        string sidecarAppId, PolicyTarget target, OutcomeClassifier<T> classifier, RetryPolicy? defaultRetry = null)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        return (ResiliencePipeline<T>)cache.GetOrAdd(
            (sidecarAppId, target, typeof(T)),
            _ => Build(Definition(sidecarAppId, target, defaultRetry), classifier));
    }

    private ResiliencePipeline<T> Build<T>(PolicyDefinition definition, OutcomeClassifier<T> classifier)
    {
        var builder = new ResiliencePipelineBuilder<T> { TimeProvider = timeProvider };
        if (definition is { HasRetries: true, Retry: { } retry })
        {
            builder.AddRetry(new RetryStrategyOptions<T>
            {
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(retry, classifier, args.Outcome, args.Context)),
                MaxRetryAttempts = retry.RetriesForever ? int.MaxValue : retry.MaxRetries,
                BackoffType = DelayBackoffType.Constant,
                Delay = TimeSpan.Zero,
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(retry.DelayFor(args.AttemptNumber, Random.Shared.NextDouble())),
            });
        }

        if (definition.CircuitBreaker is { } breaker)
        {
            builder.AddStrategy(ctx => new DaprCircuitBreakerStrategy<T>(breaker, classifier.IsFailure, ctx.TimeProvider));
        }

        if (definition.Timeout is { } timeout && timeout > TimeSpan.Zero)
        {
            builder.AddTimeout(timeout.TotalMilliseconds < MinimumTimeoutMs ? TimeSpan.FromMilliseconds(MinimumTimeoutMs) : timeout);
        }

        return builder.Build();
    }

    private static bool ShouldRetry<T>(RetryPolicy retry, OutcomeClassifier<T> classifier, Outcome<T> outcome, ResilienceContext context)
    {
        if (outcome.Exception is BrokenCircuitException
            || (outcome.Exception is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
            || !classifier.IsFailure(outcome))
        {
            return false;
        }

        return classifier.HttpStatus(outcome) is not { } status || retry.HttpStatusCodes.Contains(status);
    }
}
