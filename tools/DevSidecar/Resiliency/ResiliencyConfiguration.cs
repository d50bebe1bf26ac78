namespace OrderPlatform.DevSidecar.Resiliency;

/// <summary>The policy names a target refers to.</summary>
public sealed record TargetPolicyNames(string? Timeout, string? Retry, string? CircuitBreaker);

/// <summary>One parsed `kind: Resiliency` document: named policies, targets, and the app scopes it applies to.</summary>
public sealed record ResiliencyConfiguration(
    string Name,
    IReadOnlyList<string> Scopes,
    IReadOnlyDictionary<string, TimeSpan> Timeouts,
    IReadOnlyDictionary<string, RetryPolicy> Retries,
    IReadOnlyDictionary<string, CircuitBreakerPolicy> CircuitBreakers,
    IReadOnlyDictionary<string, TargetPolicyNames> Apps,
    IReadOnlyDictionary<string, TargetPolicyNames> ComponentsInbound,
    IReadOnlyDictionary<string, TargetPolicyNames> ComponentsOutbound)
{
    public bool AppliesTo(string appId) => Scopes.Count == 0 || Scopes.Contains(appId, StringComparer.Ordinal);

    public TargetPolicyNames? NamedTarget(PolicyTarget target)
    {
        var map = target.Direction switch
        {
            TargetDirection.Inbound => ComponentsInbound,
            TargetDirection.Outbound => ComponentsOutbound,
            _ => Apps,
        };
        return map.GetValueOrDefault(target.Name);
    }
}
