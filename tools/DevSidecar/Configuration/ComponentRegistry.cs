using OrderPlatform.DevSidecar.Api;

namespace OrderPlatform.DevSidecar.Configuration;

/// <summary>Singleton. Components loaded from the resources path (components/*.yaml, kind: Component).</summary>
public sealed class ComponentRegistry
{
    private readonly Dictionary<string, ComponentDefinition> byName = new(StringComparer.Ordinal);

    private readonly Dictionary<string, string> appDirectories = new(StringComparer.Ordinal);

    /// <param name="apps">The apps served; each one's <see cref="AppDefinition.AppDirectory"/> is where its relative
    /// component paths resolve.</param>
    public ComponentRegistry(IEnumerable<ComponentDefinition> components, string baseDirectory, IEnumerable<AppDefinition>? apps = null)
    {
        ArgumentNullException.ThrowIfNull(components);
        All = [.. components];
        BaseDirectory = baseDirectory;
        foreach (var app in apps ?? [])
        {
            if (app.AppDirectory is { } directory)
            {
                appDirectories[app.AppId] = directory;
            }
        }

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

    /// <summary>Where relative component paths resolve for an app without an appDirPath (the run file's directory, else
    /// the configured base directory or the working directory, like a plain <c>dapr run</c> started there).</summary>
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

    /// <summary>
    /// A metadata path (e.g. secretsFile) as <paramref name="appId"/>'s daprd opens it: relative to its working
    /// directory, which <c>dapr run -f</c> sets to the app's appDirPath (dapr/cli cmd/run.go,
    /// startDaprdAndAppProcesses; components-contrib secretstores/local/file/filestore.go opens the path as given).
    /// </summary>
    public string ResolvePath(string appId, string path) =>
        Path.GetFullPath(Path.Combine(appDirectories.GetValueOrDefault(appId, BaseDirectory), path));
}
