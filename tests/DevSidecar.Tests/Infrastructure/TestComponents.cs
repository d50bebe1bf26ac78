using OrderPlatform.DevSidecar.Configuration;

namespace OrderPlatform.DevSidecar.Tests.Infrastructure;

/// <summary>Component definitions for tests (what a components/*.yaml file would declare).</summary>
public static class TestComponents
{
    public static ComponentDefinition Component(
        string name, string type, IReadOnlyDictionary<string, string>? metadata = null, params string[] scopes) =>
        new(name, type, "v1", metadata ?? new Dictionary<string, string>(), scopes);

    public static ComponentDefinition StateStore(string name, params string[] scopes) =>
        Component(name, "state.in-memory", null, scopes);

    public static ComponentDefinition StateStore(string name, IReadOnlyDictionary<string, string> metadata, params string[] scopes) =>
        Component(name, "state.in-memory", metadata, scopes);

    public static ComponentDefinition ActorStateStore(string name, params string[] scopes) =>
        Component(name, "state.in-memory", new Dictionary<string, string> { ["actorStateStore"] = "true" }, scopes);

    public static ComponentDefinition PubSub(string name, params string[] scopes) =>
        Component(name, "pubsub.in-memory", null, scopes);

    public static ComponentDefinition SecretFile(string name, string secretsFile, IReadOnlyDictionary<string, string>? extra = null, params string[] scopes)
    {
        var metadata = new Dictionary<string, string> { ["secretsFile"] = secretsFile };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            metadata[key] = value;
        }

        return Component(name, "secretstores.local.file", metadata, scopes);
    }

    /// <summary>
    /// A Dapr <c>kind: Configuration</c> document whose <c>spec.workflow.stateRetentionPolicy</c> holds
    /// <paramref name="retention"/> (lines such as <c>completed: 1m</c>).
    /// </summary>
    public static string RetentionConfiguration(params string[] retention) => $"""
        apiVersion: dapr.io/v1alpha1
        kind: Configuration
        metadata:
          name: appconfig
        spec:
          workflow:
            stateRetentionPolicy:
        {string.Join('\n', retention.Select(line => "      " + line))}
        """;
}
