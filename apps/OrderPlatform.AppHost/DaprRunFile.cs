using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace OrderPlatform.AppHost;

/// <summary>The app-ids and ports of <c>dapr.yaml</c>, the multi-app run file shared with <c>dapr run -f .</c>.</summary>
internal sealed class DaprRunFile
{
    public CommonSection Common { get; set; } = new();

    public List<AppSection> Apps { get; set; } = [];

    public static DaprRunFile Load(string path)
    {
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .IgnoreUnmatchedProperties()
            .Build();
        return deserializer.Deserialize<DaprRunFile>(File.ReadAllText(path));
    }

    public AppSection App(string appId) =>
        Apps.SingleOrDefault(a => a.AppId == appId)
        ?? throw new InvalidOperationException($"dapr.yaml has no app '{appId}'.");

    internal sealed class CommonSection
    {
        public string ResourcesPath { get; set; } = "./components";

        /// <summary>The Dapr Configuration every sidecar gets (workflow history retention); none when unset.</summary>
        public string? ConfigFilePath { get; set; }
    }

    internal sealed class AppSection
    {
        [YamlMember(Alias = "appID")]
        public string AppId { get; set; } = "";

        /// <summary>Relative to dapr.yaml; <c>dapr run -f</c> starts the app's daprd there.</summary>
        public string AppDirPath { get; set; } = ".";

        public int AppPort { get; set; }

        [YamlMember(Alias = "daprHTTPPort")]
        public int DaprHttpPort { get; set; }

        [YamlMember(Alias = "daprGRPCPort")]
        public int DaprGrpcPort { get; set; }
    }
}
