namespace OrderPlatform.DevSidecar.Resiliency;

public enum TargetDirection
{
    None,
    Inbound,
    Outbound,
}

/// <summary>What a policy protects: an app (service invocation) or a component in one direction.</summary>
/// <param name="ComponentKind">For components, Dapr's default-policy word: "Pubsub", "Statestore", "Binding"…</param>
public sealed record PolicyTarget(string Name, string? ComponentKind, TargetDirection Direction)
{
    public static PolicyTarget App(string appId) => new(appId, null, TargetDirection.None);

    public static PolicyTarget PubsubInbound(string pubsubName) => new(pubsubName, "Pubsub", TargetDirection.Inbound);

    public static PolicyTarget PubsubOutbound(string pubsubName) => new(pubsubName, "Pubsub", TargetDirection.Outbound);

    public bool IsApp => ComponentKind is null;

    public override string ToString() => IsApp ? $"app:{Name}" : $"component:{Name}:{Direction}".ToLowerInvariant();

    /// <summary>Dapr's reserved default policy names, most specific first, for one policy kind (Retry, Timeout, CircuitBreaker).</summary>
    public IEnumerable<string> DefaultPolicyNames(string policyKind)
    {
        if (IsApp)
        {
            yield return $"DefaultApp{policyKind}Policy";
        }
        else
        {
            yield return $"Default{ComponentKind}Component{Direction}{policyKind}Policy";
            yield return $"DefaultComponent{Direction}{policyKind}Policy";
            yield return $"DefaultComponent{policyKind}Policy";
        }

        yield return $"Default{policyKind}Policy";
    }
}

/// <summary>The policies that apply to one target, resolved from the resiliency spec(s).</summary>
public sealed record PolicyDefinition(TimeSpan? Timeout, RetryPolicy? Retry, CircuitBreakerPolicy? CircuitBreaker)
{
    public static PolicyDefinition None { get; } = new(null, null, null);

    public bool HasRetries => Retry is { MaxRetries: not 0 };
}
