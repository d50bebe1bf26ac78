using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace OrderPlatform.DaprFiles;

/// <summary>One app of the run file.</summary>
/// <param name="AppDirectory">
/// <c>appDirPath</c>, absolute: where <c>dapr run -f</c> starts this app's daprd and command, so relative paths in
/// component metadata resolve against it. Null when the run file gives none.
/// </param>
public sealed record DaprRunApp(string AppId, int AppPort, int DaprHttpPort, int DaprGrpcPort, string? AppDirectory);

/// <summary>
/// The parts of Dapr's multi-app run file (<c>dapr.yaml</c>, shared with <c>dapr run -f .</c>) the platform reads.
/// Relative paths resolve against the file's folder, as the Dapr CLI resolves <c>common</c> paths and
/// <c>appDirPath</c> (dapr/cli pkg/runfileconfig/run_file_config_parser.go).
/// </summary>
/// <param name="ResourcesPath">common.resourcesPath as written (relative to <paramref name="BaseDirectory"/>).</param>
/// <param name="ConfigFilePath">common.configFilePath as written: the Dapr Configuration every app's sidecar gets.</param>
public sealed record DaprRunFile(string BaseDirectory, string? ResourcesPath, IReadOnlyList<DaprRunApp> Apps, string? ConfigFilePath = null)
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    /// <summary>common.resourcesPath, absolute; null when the run file gives none.</summary>
    public string? ResourcesDirectory => Resolve(ResourcesPath);

    /// <summary>common.configFilePath, absolute; null when the run file gives none.</summary>
    public string? ConfigFile => Resolve(ConfigFilePath);

    public static DaprRunFile Load(string path)
    {
        var fullPath = Path.GetFullPath(path);
        using var reader = File.OpenText(fullPath);
        var model = Yaml.Deserialize<RunFileModel?>(reader) ?? new RunFileModel();
        var apps = model.Apps.Select((app, index) => ToApp(app, index, fullPath)).ToList();
        return new DaprRunFile(Path.GetDirectoryName(fullPath)!, model.Common?.ResourcesPath, apps, model.Common?.ConfigFilePath);
    }

    /// <summary>The nearest <paramref name="fileName"/> in <paramref name="directory"/> or one of its parents, if any.</summary>
    public static string? FindUpwards(string directory, string fileName = "dapr.yaml")
    {
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public DaprRunApp App(string appId) =>
        Apps.SingleOrDefault(a => a.AppId == appId)
        ?? throw new InvalidOperationException($"{Path.Combine(BaseDirectory, "dapr.yaml")} has no app '{appId}'.");

    private string? Resolve(string? path) =>
        string.IsNullOrWhiteSpace(path) ? null : Path.GetFullPath(Path.Combine(BaseDirectory, path));

    private static DaprRunApp ToApp(RunFileApp app, int index, string file)
    {
        if (string.IsNullOrWhiteSpace(app.AppId))
        {
            throw new InvalidOperationException($"{file}: apps[{index}].appID is required.");
        }

        if (app.AppPort is null || app.DaprHttpPort is null || app.DaprGrpcPort is null)
        {
            throw new InvalidOperationException(
                $"{file}: app '{app.AppId}' needs appPort, daprHTTPPort and daprGRPCPort.");
        }

        var appDirectory = string.IsNullOrWhiteSpace(app.AppDirPath)
            ? null
            : Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, app.AppDirPath)));
        return new DaprRunApp(app.AppId, app.AppPort.Value, app.DaprHttpPort.Value, app.DaprGrpcPort.Value, appDirectory);
    }

    private sealed class RunFileModel
    {
        public RunFileCommon? Common { get; set; }

        public List<RunFileApp> Apps { get; set; } = [];
    }

    private sealed class RunFileCommon
    {
        public string? ResourcesPath { get; set; }

        public string? ConfigFilePath { get; set; }
    }

    private sealed class RunFileApp
    {
        [YamlMember(Alias = "appID")]
        public string? AppId { get; set; }

        public int? AppPort { get; set; }

        [YamlMember(Alias = "daprHTTPPort")]
        public int? DaprHttpPort { get; set; }

        [YamlMember(Alias = "daprGRPCPort")]
        public int? DaprGrpcPort { get; set; }

        public string? AppDirPath { get; set; }
    }
}
