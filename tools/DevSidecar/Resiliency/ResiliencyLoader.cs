using OrderPlatform.DevSidecar.Configuration;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace OrderPlatform.DevSidecar.Resiliency;

/// <summary>Reads every `kind: Resiliency` document from the *.yaml / *.yml files of a resources path.</summary>
public static class ResiliencyLoader
{
    public static IReadOnlyList<ResiliencyConfiguration> LoadDirectory(string resourcesPath)
    {
        if (!Directory.Exists(resourcesPath))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(resourcesPath)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .SelectMany(f => LoadYaml(File.ReadAllText(f), f))];
    }

    public static IReadOnlyList<ResiliencyConfiguration> LoadYaml(string yaml, string source = "(inline)")
    {
        var result = new List<ResiliencyConfiguration>();
        if (!yaml.Contains("Resiliency", StringComparison.Ordinal))
        {
            return result;
        }

        var parser = new Parser(new StringReader(yaml));
        parser.Consume<StreamStart>();
        while (parser.Accept<DocumentStart>(out _))
        {
            var document = DaprYaml.Deserializer.Deserialize<ResiliencyDocument?>(parser);
            if (document is { Kind: "Resiliency" })
            {
                result.Add(ResiliencyMapper.Map(document, source));
            }
        }

        return result;
    }
}
