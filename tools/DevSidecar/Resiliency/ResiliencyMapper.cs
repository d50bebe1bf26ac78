using OrderPlatform.DaprFiles;

namespace OrderPlatform.DevSidecar.Resiliency;

/// <summary>Turns a YAML resiliency document into validated policies (unknown policy names are errors).</summary>
internal static class ResiliencyMapper
{
    public static ResiliencyConfiguration Map(ResiliencyDocument document, string source)
    {
        var name = document.Metadata?.Name ?? Path.GetFileNameWithoutExtension(source);
        var policies = document.Spec?.Policies ?? new PoliciesDocument();
        var timeouts = (policies.Timeouts ?? []).ToDictionary(p => p.Key, p => Duration(p.Value, $"timeouts.{p.Key}"));
        var retries = (policies.Retries ?? []).ToDictionary(p => p.Key, p => Retry(p.Key, p.Value));
        var breakers = (policies.CircuitBreakers ?? []).ToDictionary(p => p.Key, p => Breaker(p.Key, p.Value));
        var targets = document.Spec?.Targets ?? new TargetsDocument();

        TargetPolicyNames Names(TargetPolicyDocument? t, string where)
        {
            var names = new TargetPolicyNames(t?.Timeout, t?.Retry, t?.CircuitBreaker);
            Require(names.Timeout, timeouts.ContainsKey, where, "timeout");
            Require(names.Retry, retries.ContainsKey, where, "retry");
            Require(names.CircuitBreaker, breakers.ContainsKey, where, "circuitBreaker");
            return names;
        }

        var components = targets.Components ?? [];
        return new ResiliencyConfiguration(
            name,
            document.Scopes ?? [],
            timeouts,
            retries,
            breakers,
            (targets.Apps ?? []).ToDictionary(t => t.Key, t => Names(t.Value, $"targets.apps.{t.Key}")),
            components.Where(c => c.Value.Inbound is not null)
                .ToDictionary(c => c.Key, c => Names(c.Value.Inbound, $"targets.components.{c.Key}.inbound")),
            components.Where(c => c.Value.Outbound is not null)
                .ToDictionary(c => c.Key, c => Names(c.Value.Outbound, $"targets.components.{c.Key}.outbound")));
    }

    private static RetryPolicy Retry(string name, RetryDocument doc)
    {
        var backoff = (doc.Policy ?? "constant").ToUpperInvariant() switch
        {
            "CONSTANT" => RetryBackoff.Constant,
            "EXPONENTIAL" => RetryBackoff.Exponential,
            _ => throw new FormatException($"retries.{name}.policy must be constant or exponential, not '{doc.Policy}'."),
        };
        var matching = doc.Matching ?? doc.Matches;
        return new RetryPolicy(
            name,
            backoff,
            doc.Duration is null ? RetryPolicy.DefaultDuration : Duration(doc.Duration, $"retries.{name}.duration"),
            doc.MaxInterval is null ? RetryPolicy.DefaultMaxInterval : Duration(doc.MaxInterval, $"retries.{name}.maxInterval"),
            doc.MaxRetries ?? -1,
            StatusCodeSet.Parse(matching?.HttpStatusCodes, 100, 599),
            StatusCodeSet.Parse(matching?.GrpcStatusCodes, 0, 16));
    }

    private static CircuitBreakerPolicy Breaker(string name, CircuitBreakerDocument doc) => new(
        name,
        doc.MaxRequests is > 0 ? doc.MaxRequests.Value : CircuitBreakerPolicy.DefaultMaxRequests,
        doc.Interval is null ? TimeSpan.Zero : Duration(doc.Interval, $"circuitBreakers.{name}.interval"),
        doc.Timeout is null ? CircuitBreakerPolicy.DefaultTimeout : Duration(doc.Timeout, $"circuitBreakers.{name}.timeout"),
        TripExpression.Parse(doc.Trip ?? CircuitBreakerPolicy.DefaultTrip));

    private static TimeSpan Duration(string value, string where) =>
        DaprDuration.TryParse(value, out var duration)
            ? duration
            : throw new FormatException($"{where}: '{value}' is not a duration (e.g. 5s, 1m30s, 500ms).");

    private static void Require(string? name, Func<string, bool> exists, string where, string kind)
    {
        if (name is not null && !exists(name))
        {
            throw new InvalidOperationException($"{where}.{kind} refers to an undefined {kind} policy '{name}'.");
        }
    }
}
