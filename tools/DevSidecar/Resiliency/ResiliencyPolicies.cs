namespace OrderPlatform.DevSidecar.Resiliency;

/// <summary>
/// Singleton. All loaded resiliency specs; resolves the policies for a target as daprd does: a named target policy
/// wins, else the reserved default policies (DefaultApp*/DefaultPubsubComponentInbound*/…/Default*Policy).
/// Only specs whose `scopes` include the sidecar's app-id apply to that app's sidecar.
/// </summary>
public sealed class ResiliencyPolicies(IReadOnlyList<ResiliencyConfiguration> configurations)
{
    public IReadOnlyList<ResiliencyConfiguration> Configurations { get; } = configurations;

    public PolicyDefinition Resolve(string sidecarAppId, PolicyTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var applicable = Configurations.Where(c => c.AppliesTo(sidecarAppId)).ToList();
        var timeout = Find(applicable, target, "Timeout", n => n.Timeout, c => c.Timeouts);
        var retry = Find(applicable, target, "Retry", n => n.Retry, c => c.Retries);
        var breaker = Find(applicable, target, "CircuitBreaker", n => n.CircuitBreaker, c => c.CircuitBreakers);
        return new PolicyDefinition(timeout.Found ? timeout.Value : null, retry.Value, breaker.Value);
    }

    private static (bool Found, T? Value) Find<T>(
        List<ResiliencyConfiguration> configurations,
        PolicyTarget target,
        string policyKind,
        Func<TargetPolicyNames, string?> nameOf,
        Func<ResiliencyConfiguration, IReadOnlyDictionary<string, T>> policiesOf)
    {
        foreach (var configuration in configurations)
        {
            var name = configuration.NamedTarget(target) is { } names ? nameOf(names) : null;
            if (name is not null && policiesOf(configuration).TryGetValue(name, out var named))
            {
                return (true, named);
            }
        }

        foreach (var defaultName in target.DefaultPolicyNames(policyKind))
        {
            foreach (var configuration in configurations)
            {
                if (policiesOf(configuration).TryGetValue(defaultName, out var fallback))
                {
                    return (true, fallback);
                }
            }
        }

        return (false, default);
    }
}
