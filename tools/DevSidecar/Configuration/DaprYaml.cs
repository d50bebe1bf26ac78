using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace OrderPlatform.DevSidecar.Configuration;

/// <summary>How the sidecar reads Dapr's YAML (run file, components, resiliency, configuration): camelCase keys, unknown keys ignored.</summary>
internal static class DaprYaml
{
    public static IDeserializer Deserializer { get; } = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();
}
