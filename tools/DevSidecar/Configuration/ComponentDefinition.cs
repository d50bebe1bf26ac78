namespace OrderPlatform.DevSidecar.Configuration;

/// <summary>A Dapr component (kind: Component) as loaded from the resources path.</summary>
public sealed record ComponentDefinition(
    string Name,
    string Type,
    string Version,
    IReadOnlyDictionary<string, string> Metadata,
    IReadOnlyList<string> Scopes)
{
    /// <summary>Unscoped components are visible to every app; scoped ones only to the listed app-ids.</summary>
    public bool IsVisibleTo(string appId) => Scopes.Count == 0 || Scopes.Contains(appId, StringComparer.Ordinal);

    /// <summary>A metadata value, or null when the component does not set it.</summary>
    public string? GetMetadata(string key) => Metadata.TryGetValue(key, out var value) ? value : null;

    /// <summary>True when this state store is the actor state store (workflows keep their state there).</summary>
    public bool IsActorStateStore =>
        bool.TryParse(GetMetadata("actorStateStore"), out var flag) && flag;
}
