namespace OrderPlatform.DevSidecar.Configuration;

/// <summary>
/// How to start the sidecar. Values left unset come from .NET configuration (command line, environment):
/// <c>--run-file</c>, <c>--resources-path</c>, <c>DevSidecar:Apps:{appId}:AppPort|HttpPort|GrpcPort</c>,
/// <c>DAPR_API_TOKEN</c>, <c>DevSidecar:CallLogLevel</c>, <c>--config</c> (or <c>DevSidecar:ConfigFile</c>).
/// </summary>
public sealed class SidecarOptions
{
    /// <summary>Command-line arguments for the host's configuration.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>The multi-app run file (dapr.yaml): app-ids, ports and common.resourcesPath.</summary>
    public string? RunFile { get; set; }

    /// <summary>Used when no run file is configured and this file exists (Program: dapr.yaml in the working directory).</summary>
    public string? DefaultRunFile { get; set; }

    /// <summary>Folder of component/resiliency YAML; overrides the run file's common.resourcesPath.</summary>
    public string? ResourcesPath { get; set; }

    /// <summary>A Dapr Configuration file (daprd's --config); overrides the run file's common.configFilePath.</summary>
    public string? ConfigFile { get; set; }

    /// <summary>Base for relative component paths when there is no run file (default: current directory).</summary>
    public string? BaseDirectory { get; set; }

    /// <summary>Apps in addition to (or replacing, by app-id) the run file's apps.</summary>
    public IList<AppDefinition> Apps { get; } = [];

    /// <summary>Components in addition to the resources path's components.</summary>
    public IList<ComponentDefinition> Components { get; } = [];

    /// <summary>When set, every API except health requires this <c>dapr-api-token</c>.</summary>
    public string? ApiToken { get; set; }

    /// <summary>
    /// The app API token (daprd's <c>APP_API_TOKEN</c>): when set, every call to an app carries it as
    /// <c>dapr-api-token</c>, so the app can tell calls from its sidecar from anything else.
    /// </summary>
    public string? AppApiToken { get; set; }

    /// <summary>The level of the per-call log line (null: configuration, default Information).</summary>
    public LogLevel? CallLogLevel { get; set; }
}
