using OrderPlatform.DaprFiles;
using OrderPlatform.DevSidecar.Workflows.Retention;

namespace OrderPlatform.DevSidecar.Configuration;

/// <summary>The resolved start-up settings: apps, components and where relative paths point.</summary>
public sealed record SidecarSettings(
    IReadOnlyList<AppDefinition> Apps,
    IReadOnlyList<ComponentDefinition> Components,
    string BaseDirectory,
    string? ResourcesPath,
    string? ApiToken,
    LogLevel CallLogLevel,
    WorkflowRetentionPolicy WorkflowRetention,
    string? AppApiToken = null)
{
    /// <summary>Merges options, the run file, the resources folder and configuration overrides.</summary>
    public static SidecarSettings Resolve(SidecarOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        var runFilePath = options.RunFile ?? configuration["run-file"] ?? configuration["DevSidecar:RunFile"]
            ?? (options.DefaultRunFile is { } fallback && File.Exists(fallback) ? fallback : null);
        var runFile = runFilePath is null ? null : DaprRunFile.Load(runFilePath);
        var baseDirectory = runFile?.BaseDirectory ?? options.BaseDirectory ?? Directory.GetCurrentDirectory();

        var resources = options.ResourcesPath ?? configuration["resources-path"] ?? configuration["DevSidecar:ResourcesPath"];
        var resourcesPath = resources is not null
            ? Path.GetFullPath(resources)
            : runFile?.ResourcesDirectory;

        var apps = new List<AppDefinition>(runFile?.Apps.Select(AppDefinition.From) ?? []);
        foreach (var app in options.Apps)
        {
            // A replacement without a directory keeps the run file's appDirPath (where daprd would run).
            var directory = app.AppDirectory ?? apps.Find(a => a.AppId == app.AppId)?.AppDirectory;
            apps.RemoveAll(a => a.AppId == app.AppId);
            apps.Add(app with { AppDirectory = directory });
        }

        var components = new List<ComponentDefinition>(resourcesPath is null ? [] : ComponentLoader.LoadFolder(resourcesPath));
        components.AddRange(options.Components);

        var level = options.CallLogLevel
            ?? (Enum.TryParse<LogLevel>(configuration["DevSidecar:CallLogLevel"], ignoreCase: true, out var parsed) ? parsed : LogLevel.Information);
        var token = options.ApiToken ?? configuration["DAPR_API_TOKEN"];
        var appToken = options.AppApiToken ?? configuration["APP_API_TOKEN"];
        return new SidecarSettings(
            AppOverrides.Apply(apps, configuration.GetSection("DevSidecar:Apps")),
            components,
            baseDirectory,
            resourcesPath,
            string.IsNullOrEmpty(token) ? null : token,
            level,
            ResolveConfigFile(options, configuration, runFile) is { } config
                ? DaprConfigurationFile.LoadRetention(config)
                : WorkflowRetentionPolicy.KeepForever,
            string.IsNullOrEmpty(appToken) ? null : appToken);
    }

    private static string? ResolveConfigFile(SidecarOptions options, IConfiguration configuration, DaprRunFile? runFile)
    {
        if ((options.ConfigFile ?? configuration["config"] ?? configuration["DevSidecar:ConfigFile"]) is { } given)
        {
            return Path.GetFullPath(given);
        }

        return runFile?.ConfigFile;
    }
}
