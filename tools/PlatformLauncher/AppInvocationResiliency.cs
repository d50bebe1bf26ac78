using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace OrderPlatform.PlatformLauncher;

/// <summary>
/// Invocation resiliency as Azure Container Apps has it: ACA's managed sidecar does not apply resiliency policies to
/// service invocation, so infra/app/resiliency-values.bicep hands resiliency.yaml's <c>policies</c> and
/// <c>targets.apps</c> to every app (<c>InvocationResiliency__Mode=app</c>, <c>InvocationResiliency__Spec</c>) and the
/// app applies them on its invocation clients. Here: a copy of the resources folder whose resiliency.yaml has no
/// <c>targets.apps</c> (the sidecar applies nothing to invocation) and the same two settings for every app.
/// </summary>
internal sealed class AppInvocationResiliency : IDisposable
{
    private AppInvocationResiliency(string resourcesPath, string spec)
    {
        ResourcesPath = resourcesPath;
        Settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["InvocationResiliency__Mode"] = "app",
            ["InvocationResiliency__Spec"] = spec,
        };
    }

    /// <summary>The copied resources folder the sidecar gets.</summary>
    public string ResourcesPath { get; }

    /// <summary>What Bicep sets on every app (infra/app/container-app.bicep).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    public static AppInvocationResiliency Prepare(string resourcesPath)
    {
        var copy = Directory.CreateTempSubdirectory("orderplatform-resources-").FullName;
        try
        {
            CopyDirectory(resourcesPath, copy);
            var file = Path.Combine(copy, "resiliency.yaml");
            var yaml = new YamlStream();
            using (var reader = new StreamReader(file))
            {
                yaml.Load(reader);
            }

            var spec = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["spec"];
            var targets = (YamlMappingNode)spec["targets"];
            var apps = new YamlScalarNode("apps");
            // Bicep: string({ policies: policies, targets: { apps: targets.apps } }).
            var json = new JsonObject
            {
                ["policies"] = YamlJson.Convert(spec["policies"]),
                ["targets"] = new JsonObject { ["apps"] = YamlJson.Convert(targets[apps]) },
            };
            targets.Children.Remove(apps);
            using (var writer = new StreamWriter(file))
            {
                yaml.Save(writer, assignAnchors: false);
            }

            return new AppInvocationResiliency(copy, json.ToJsonString());
        }
        catch
        {
            Directory.Delete(copy, recursive: true);
            throw;
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(ResourcesPath))
        {
            Directory.Delete(ResourcesPath, recursive: true);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
