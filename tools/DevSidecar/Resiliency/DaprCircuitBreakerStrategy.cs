using Polly;
using Polly.CircuitBreaker;

namespace OrderPlatform.DevSidecar.Resiliency;

/// <summary>
/// A Polly strategy with Dapr's circuit breaker semantics (gobreaker): counts per generation, trips when the trip
/// expression holds, stays open for `timeout`, then half-opens and lets `maxRequests` through; that many consecutive
/// successes close it, any failure re-opens it. While closed, counts reset every `interval` (0 = never).
/// Rejected calls fail with <see cref="BrokenCircuitException"/>: "circuit breaker is open" / "too many requests".
/// </summary>
internal sealed class DaprCircuitBreakerStrategy<T>(
    CircuitBreakerPolicy policy, Func<Outcome<T>, bool> isFailure, TimeProvider time) : ResilienceStrategy<T>
{
    public const string OpenMessage = "circuit breaker is open";
    public const string TooManyRequestsMessage = "too many requests";

    private readonly Lock gate = new();
    private CircuitState state = CircuitState.Closed;
    private long generation;
    private BreakerCounts counts;
    private DateTimeOffset? expiry = policy.Interval > TimeSpan.Zero ? time.GetUtcNow() + policy.Interval : null;

    protected override async ValueTask<Outcome<T>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<T>>> callback, ResilienceContext context, TState state)
    {
        long before;
        lock (gate)
        {
            var current = CurrentState(time.GetUtcNow());
            if (current == CircuitState.Open)
            {
                return Outcome.FromException<T>(new BrokenCircuitException(OpenMessage));
            }

            if (current == CircuitState.HalfOpen && counts.Requests >= policy.MaxRequests)
            {
                return Outcome.FromException<T>(new BrokenCircuitException(TooManyRequestsMessage));
            }

            counts = counts with { Requests = counts.Requests + 1 };
            before = generation;
        }

        var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        lock (gate)
        {
            var now = time.GetUtcNow();
            var current = CurrentState(now);
            if (before == generation)
            {
                if (isFailure(outcome))
                {
                    OnFailure(current, now);
                }
                else
                {
                    OnSuccess(current, now);
                }
            }
        }

        return outcome;
    }

    private CircuitState CurrentState(DateTimeOffset now)
    {
        if (state == CircuitState.Closed && expiry is { } reset && reset <= now)
        {
            NewGeneration(now);
        }
        else if (state == CircuitState.Open && expiry is { } halfOpenAt && halfOpenAt <= now)
        {
            SetState(CircuitState.HalfOpen, now);
        }

        return state;
    }

    private void OnSuccess(CircuitState current, DateTimeOffset now)
    {
        counts = counts with
        {
            TotalSuccesses = counts.TotalSuccesses + 1,
            ConsecutiveSuccesses = counts.ConsecutiveSuccesses + 1,
            ConsecutiveFailures = 0,
        };
        if (current == CircuitState.HalfOpen && counts.ConsecutiveSuccesses >= policy.MaxRequests)
        {
            SetState(CircuitState.Closed, now);
        }
    }

    private void OnFailure(CircuitState current, DateTimeOffset now)
    {
        counts = counts with
        {
            TotalFailures = counts.TotalFailures + 1,
            ConsecutiveFailures = counts.ConsecutiveFailures + 1,
            ConsecutiveSuccesses = 0,
        };
        if (current == CircuitState.HalfOpen || policy.Trip.ShouldTrip(counts))
        {
            SetState(CircuitState.Open, now);
        }
    }

    private void SetState(CircuitState next, DateTimeOffset now)
    {
        state = next;
        NewGeneration(now);
    }

    private void NewGeneration(DateTimeOffset now)
    {
        generation++;
        counts = default;
        expiry = state switch
        {
            CircuitState.Closed => policy.Interval > TimeSpan.Zero ? now + policy.Interval : null,
            CircuitState.Open => now + policy.Timeout,
            _ => null,
        };
    }
}
