namespace OrderPlatform.DevSidecar.Configuration;

/// <summary>One app: its app-id, the app's own port (app channel) and the sidecar ports that serve it.</summary>
public sealed record AppDefinition(string AppId, int AppPort, int HttpPort, int GrpcPort)
{
    /// <summary>Where the sidecar reaches the app itself (the app channel).</summary>
    public Uri AppBaseAddress => new($"http://127.0.0.1:{AppPort}");
}
