using System.Text.Json.Nodes;

namespace OrderPlatform.Infra.Tests.Support;

/// <summary>The resources `bicep snapshot` predicts for main.bicep, with the helpers the tests share.</summary>
public sealed class Snapshot(JsonObject document)
{
    public IReadOnlyList<JsonObject> Resources { get; } =
        document["predictedResources"]!.AsArray().Select(r => r!.AsObject()).ToList();

    public JsonObject Outputs => document["outputs"]!.AsObject();

    public JsonArray Diagnostics => document["diagnostics"]!.AsArray();

    public IEnumerable<JsonObject> OfType(string type) =>
        Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    /// <summary>The last segment of a resource's name (e.g. the component name of env/component).</summary>
    public static string ShortName(JsonObject resource) => ((string)resource["name"]!).Split('/')[^1];

    public IEnumerable<JsonObject> ContainerApps => OfType("Microsoft.App/containerApps");

    public IEnumerable<JsonObject> DaprComponents => OfType("Microsoft.App/managedEnvironments/daprComponents");

    public JsonObject ContainerApp(string name) => ContainerApps.Single(a => ShortName(a) == name);

    public JsonObject DaprComponent(string name) => DaprComponents.Single(c => ShortName(c) == name);

    /// <summary>Metadata of a Dapr component as name → value (secretRef entries are kept as "secretRef:name").</summary>
    public static Dictionary<string, string> Metadata(JsonObject component) =>
        component["properties"]!["metadata"]!.AsArray().Select(m => m!.AsObject()).ToDictionary(
            m => (string)m["name"]!,
            m => (string?)m["value"] ?? $"secretRef:{(string?)m["secretRef"]}");

    public static IEnumerable<string> Strings(JsonNode? node) => node?.AsArray().Select(n => (string)n!) ?? [];

    /// <summary>Resource id of a user-assigned identity in the snapshot's resource group.</summary>
    public string IdentityId(string name) =>
        (string)OfType("Microsoft.ManagedIdentity/userAssignedIdentities").Single(i => ShortName(i) == name)["id"]!;

    /// <summary>Role assignments as (scope, role definition GUID, principal expression).</summary>
    public IEnumerable<(string Scope, string Role, string Principal)> RoleAssignments =>
        OfType("Microsoft.Authorization/roleAssignments").Select(r => (
            ((string)r["id"]!)[..((string)r["id"]!).IndexOf("/providers/Microsoft.Authorization/", StringComparison.Ordinal)],
            ((string)r["properties"]!["roleDefinitionId"]!)[^36..],
            (string)r["properties"]!["principalId"]!));
}
