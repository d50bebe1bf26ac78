using OrderPlatform.DevSidecar.Configuration;

namespace OrderPlatform.DevSidecar.Tests.Infrastructure;

/// <summary>What a test sidecar serves: apps (sidecar ports picked free), components, resources folder, token.</summary>
public sealed class SidecarTestOptions
{
    internal List<(string AppId, int? AppPort)> Apps { get; } = [];

    internal List<ComponentDefinition> Components { get; } = [];

    /// <summary>A fresh temporary folder used as the resources path (write Resiliency/Subscription YAML into it).</summary>
    public string ResourcesPath { get; } = Directory.CreateTempSubdirectory("devsidecar-tests-").FullName;

    /// <summary>When set, the sidecar requires this dapr-api-token (health excepted).</summary>
    public string? ApiToken { get; set; }

    /// <summary>A Dapr Configuration file for the sidecar (daprd's --config), e.g. written with <see cref="WriteResource"/>.</summary>
    public string? ConfigFile { get; set; }

    /// <summary>Extra builder configuration (e.g. replace TimeProvider, add logging).</summary>
    public Action<WebApplicationBuilder>? ConfigureBuilder { get; set; }

    /// <summary>Serves <paramref name="appId"/>; <paramref name="appPort"/> is where a test app listens (else a free, unused port).</summary>
    public SidecarTestOptions AddApp(string appId, int? appPort = null)
    {
        Apps.Add((appId, appPort));
        return this;
    }

    public SidecarTestOptions AddComponent(ComponentDefinition component)
    {
        Components.Add(component);
        return this;
    }

    /// <summary>Writes a file into <see cref="ResourcesPath"/> (component, resiliency or subscription YAML, secrets JSON).</summary>
    public string WriteResource(string fileName, string content)
    {
        var path = Path.Combine(ResourcesPath, fileName);
        File.WriteAllText(path, content);
        return path;
    }
}
