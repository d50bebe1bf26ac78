namespace OrderPlatform.Infra.Tests.Support;

/// <summary>
/// What <c>dapr run -f</c> makes of a run file, resolved the way the Dapr CLI does
/// (dapr/cli pkg/runfileconfig/run_file_config_parser.go): <c>common</c> paths against the run file's folder, an app's
/// own paths against its <c>appDirPath</c>, resources from the app's paths, else <c>appDirPath/.dapr/resources</c>,
/// else <c>common</c>, else the Dapr install's defaults. Each daprd and each app command is started with its
/// <c>appDirPath</c> as working directory (dapr/cli cmd/run.go, startDaprdAndAppProcesses), so a relative path that
/// daprd itself opens (e.g. secretstores.local.file's <c>secretsFile</c>) resolves against <c>appDirPath</c>.
/// </summary>
public sealed record DaprRunApp(string AppId, string AppDirPath, IReadOnlyList<string> ResourcesPaths, string? ConfigFile)
{
    /// <summary>Where daprd (and the app command) run: <c>appDirPath</c>.</summary>
    public string WorkingDirectory => AppDirPath;

    /// <summary>A path as a process started in <see cref="WorkingDirectory"/> opens it (Go's os.Open of a relative path).</summary>
    public string Open(string path) => Path.GetFullPath(Path.Combine(WorkingDirectory, path));
}

public static class DaprRunFile
{
    /// <summary>Placeholder for "the Dapr install's default" (~/.dapr/components or ~/.dapr/config.yaml): not in the repository.</summary>
    public const string DaprInstallDefault = "<dapr install default>";

    public static IReadOnlyList<DaprRunApp> Resolve(string runFilePath)
    {
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(runFilePath))!;
        var runFile = Yaml.Parse(File.ReadAllText(runFilePath));
        var common = runFile["common"];
        var commonResources = Paths(common, baseDir);
        var commonConfig = Existing(baseDir, (string?)common?["configFilePath"]);

        var apps = new List<DaprRunApp>();
        foreach (var app in runFile["apps"]!.AsArray())
        {
            var appDir = Existing(baseDir, (string?)app!["appDirPath"])
                ?? throw new InvalidOperationException("required field 'appDirPath' not found in the provided app config file");
            var appResources = Paths(app, appDir);
            var appConfig = Existing(appDir, (string?)app["configFilePath"]);

            var localResources = Path.Combine(appDir, ".dapr", "resources");
            IReadOnlyList<string> resources = appResources.Count > 0 ? appResources
                : Directory.Exists(localResources) ? [localResources]
                : commonResources.Count > 0 ? commonResources
                : [DaprInstallDefault];
            var localConfig = Path.Combine(appDir, ".dapr", "config.yaml");
            var config = appConfig ?? (File.Exists(localConfig) ? localConfig : commonConfig ?? DaprInstallDefault);

            // An app without appID gets its folder's name.
            var appId = (string?)app["appID"] ?? new DirectoryInfo(appDir).Name;
            apps.Add(new DaprRunApp(appId, appDir, resources, config));
        }

        return apps;
    }

    /// <summary>resourcesPaths then the deprecated resourcesPath, each resolved and required to exist.</summary>
    private static List<string> Paths(JsonNode? section, string baseDir)
    {
        var paths = (section?["resourcesPaths"]?.AsArray() ?? []).Select(p => Existing(baseDir, (string?)p)!).ToList();
        if (Existing(baseDir, (string?)section?["resourcesPath"]) is { } single)
        {
            paths.Add(single);
        }

        return paths;
    }

    /// <summary>utils.GetAbsPath + utils.ValidateFilePath: relative to <paramref name="baseDir"/>, must exist.</summary>
    private static string? Existing(string baseDir, string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        // filepath.Join cleans the path: no trailing separator.
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(baseDir, path)));
        return File.Exists(full) || Directory.Exists(full)
            ? full
            : throw new FileNotFoundException($"error in getting the file info for {full}: no such file or directory", full);
    }
}
