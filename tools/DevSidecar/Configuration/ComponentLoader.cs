using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace OrderPlatform.DevSidecar.Configuration;

/// <summary>Reads every <c>kind: Component</c> document from the *.yaml/*.yml files of a resources folder.</summary>
public static class ComponentLoader
{
    public static IReadOnlyList<ComponentDefinition> LoadFolder(string resourcesPath)
    {
        if (!Directory.Exists(resourcesPath))
        {
            throw new DirectoryNotFoundException($"Resources path '{resourcesPath}' does not exist.");
        }

        return [.. Directory.EnumerateFiles(resourcesPath)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .SelectMany(LoadFile)];
    }

    public static IEnumerable<ComponentDefinition> LoadFile(string file)
    {
        using var reader = File.OpenText(file);
        return Parse(reader, file);
    }

    /// <summary>Parses one YAML stream (possibly several documents); other kinds are skipped.</summary>
    public static IReadOnlyList<ComponentDefinition> Parse(TextReader reader, string source)
    {
        var parser = new Parser(reader);
        parser.Consume<StreamStart>();
        var components = new List<ComponentDefinition>();
        while (parser.Accept<DocumentStart>(out _))
        {
            var resource = DaprYaml.Deserializer.Deserialize<ResourceModel?>(parser);
            if (resource is not null && string.Equals(resource.Kind, "Component", StringComparison.Ordinal))
            {
                components.Add(ToComponent(resource, source));
            }
        }

        return components;
    }

    private static ComponentDefinition ToComponent(ResourceModel resource, string source)
    {
        var name = resource.Metadata?.Name;
        var type = resource.Spec?.Type;
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(type))
        {
            throw new InvalidOperationException($"{source}: a Component needs metadata.name and spec.type.");
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in resource.Spec!.Metadata.Where(m => !string.IsNullOrEmpty(m.Name)))
        {
            metadata[item.Name!] = item.Value ?? string.Empty;
        }

        return new ComponentDefinition(name, type, resource.Spec.Version ?? "v1", metadata, resource.Scopes);
    }

    private sealed class ResourceModel
    {
        public string? Kind { get; set; }

        public ResourceMetadata? Metadata { get; set; }

        public ComponentSpec? Spec { get; set; }

        public List<string> Scopes { get; set; } = [];
    }

    private sealed class ResourceMetadata
    {
        public string? Name { get; set; }
    }

    private sealed class ComponentSpec
    {
        public string? Type { get; set; }

        public string? Version { get; set; }

        public List<MetadataItem> Metadata { get; set; } = [];
    }

    private sealed class MetadataItem
    {
        public string? Name { get; set; }

        public string? Value { get; set; }
    }
}
