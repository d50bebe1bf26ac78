using OrderPlatform.DevSidecar.Api;

namespace OrderPlatform.DevSidecar.Configuration;

/// <summary>Singleton. Components loaded from the resources path (components/*.yaml, kind: Component).</summary>
public sealed class ComponentRegistry
{
    private readonly Dictionary<string, ComponentDefinition> byName = new(StringComparer.Ordinal);

    public ComponentRegistry(IEnumerable<ComponentDefinition> components, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(components);
        All = [.. components];
        BaseDirectory = baseDirectory;
        foreach (var component in All)
        {
            if (!byName.TryAdd(component.Name, component))
            {
                throw new InvalidOperationException($"Component '{component.Name}' is defined more than once.");
            }
        }

        var actorStores = All.Where(c => c.Type.StartsWith("state.", StringComparison.Ordinal) && c.IsActorStateStore).ToList();
        if (actorStores.Count > 1)
        {
            throw new InvalidOperationException(
                $"Only one state store may set actorStateStore: true; found {string.Join(", ", actorStores.Select(c => c.Name))}.");
        }
    }

    public IReadOnlyList<ComponentDefinition> All { get; }

    /// <summary>Directory of the run file (relative paths in component metadata, e.g. secretsFile, resolve against it).</summary>
    public string BaseDirectory { get; }

    /// <summary>The state store with actorStateStore: true, if any (workflows keep their state there).</summary>
    public ComponentDefinition? ActorStateStore =>
        All.FirstOrDefault(c => c.Type.StartsWith("state.", StringComparison.Ordinal) && c.IsActorStateStore);

    public IReadOnlyList<ComponentDefinition> ForApp(string appId) => [.. All.Where(c => c.IsVisibleTo(appId))];

    /// <summary>
    /// The component named <paramref name="name"/> visible to <paramref name="appId"/> whose Type starts with
    /// <paramref name="typePrefix"/>; otherwise the error Dapr gives (a component not scoped to the app does not
    /// exist for that app's sidecar, so it is reported as not found / not configured).
    /// </summary>
    public ComponentDefinition Resolve(string appId, string name, string typePrefix)
    {
        if (byName.TryGetValue(name, out var component)
            && component.IsVisibleTo(appId)
            && component.Type.StartsWith(typePrefix, StringComparison.Ordinal))
        {
            return component;
        }

        var anyOfKind = All.Any(c => c.IsVisibleTo(appId) && c.Type.StartsWith(typePrefix, StringComparison.Ordinal));
        throw typePrefix switch
        {
            "state." => anyOfKind ? DaprErrors.StateStoreNotFound(name) : DaprErrors.StateStoreNotConfigured(name),
            "pubsub." => anyOfKind ? DaprErrors.PubSubNotFound(name) : DaprErrors.PubSubNotConfigured(),
            "secretstores." => anyOfKind ? DaprErrors.SecretStoreNotFound(name) : DaprErrors.SecretStoreNotConfigured(),
            _ => DaprErrors.ComponentNotFound(name),
        };
    }

    /// <summary>Resolves a metadata path (e.g. secretsFile) against <see cref="BaseDirectory"/>.</summary>
    public string ResolvePath(string path) => Path.GetFullPath(Path.Combine(BaseDirectory, path));
}
