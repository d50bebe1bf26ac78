using OrderPlatform.DaprFiles;

namespace OrderPlatform.DevSidecar.Configuration;

/// <summary>One app: its app-id, the app's own port (app channel) and the sidecar ports that serve it.</summary>
/// <param name="AppDirectory">
/// The run file's <c>appDirPath</c>, absolute: where <c>dapr run -f</c> starts this app's daprd, so relative paths in
/// component metadata resolve against it. Null for an app that is not in a run file.
/// </param>
public sealed record AppDefinition(string AppId, int AppPort, int HttpPort, int GrpcPort, string? AppDirectory = null)
{
    /// <summary>Where the sidecar reaches the app itself (the app channel).</summary>
    public Uri AppBaseAddress => new($"http://127.0.0.1:{AppPort}");

    /// <summary>An app of the run file (dapr.yaml).</summary>
    public static AppDefinition From(DaprRunApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return new(app.AppId, app.AppPort, app.DaprHttpPort, app.DaprGrpcPort, app.AppDirectory);
    }
}
