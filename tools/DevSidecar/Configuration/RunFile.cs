using YamlDotNet.Serialization;

namespace OrderPlatform.DevSidecar.Configuration;

/// <summary>The parts of Dapr's multi-app run file (dapr.yaml) the sidecar needs.</summary>
/// <param name="ConfigFilePath">common.configFilePath: the Dapr Configuration every app's sidecar gets (as given).</param>
public sealed record RunFile(string BaseDirectory, string? ResourcesPath, IReadOnlyList<AppDefinition> Apps, string? ConfigFilePath = null)
{
    /// <summary>
    /// Reads the run file; relative paths in it resolve against its directory, as the Dapr CLI resolves
    /// <c>common</c> paths and <c>appDirPath</c> (dapr/cli pkg/runfileconfig/run_file_config_parser.go).
    /// </summary>
    public static RunFile Load(string path)
    {
        var fullPath = Path.GetFullPath(path);
        using var reader = File.OpenText(fullPath);
        var model = DaprYaml.Deserializer.Deserialize<RunFileModel?>(reader) ?? new RunFileModel();
        var apps = model.Apps.Select((app, index) => ToApp(app, index, fullPath)).ToList();
        var resources = model.Common?.ResourcesPath;
        return new RunFile(Path.GetDirectoryName(fullPath)!, resources, apps, model.Common?.ConfigFilePath);
    }

    /// <summary>The nearest dapr.yaml in <paramref name="directory"/> or one of its parents, if any.</summary>
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

    private static AppDefinition ToApp(RunFileApp app, int index, string file)
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
        return new AppDefinition(app.AppId, app.AppPort.Value, app.DaprHttpPort.Value, app.DaprGrpcPort.Value, appDirectory);
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
