using System.Text.Json.Nodes;
using OrderPlatform.PlatformLauncher;

namespace OrderPlatform.Infra.Tests.Support;

/// <summary>Reads the repository's YAML files into System.Text.Json nodes (typed as Bicep's loadYamlContent types them).</summary>
public static class Yaml
{
    public static JsonNode Load(params string[] repoPathParts) => Parse(RepoPaths.ReadText(repoPathParts));

    public static JsonNode Parse(string text) => YamlJson.Parse(text);
}
