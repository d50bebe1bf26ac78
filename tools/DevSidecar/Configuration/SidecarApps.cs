namespace OrderPlatform.DevSidecar.Configuration;

/// <summary>Singleton. Apps from the run file (dapr.yaml) plus configuration overrides.</summary>
public sealed class SidecarApps
{
    private readonly Dictionary<string, AppDefinition> byId = new(StringComparer.Ordinal);
    private readonly Dictionary<int, AppDefinition> byPort = [];

    public SidecarApps(IEnumerable<AppDefinition> apps)
    {
        ArgumentNullException.ThrowIfNull(apps);
        All = [.. apps];
        foreach (var app in All)
        {
            if (!byId.TryAdd(app.AppId, app))
            {
                throw new InvalidOperationException($"App-id '{app.AppId}' is defined twice.");
            }

            AddPort(app.HttpPort, app);
            AddPort(app.GrpcPort, app);
        }
    }

    public IReadOnlyList<AppDefinition> All { get; }

    public AppDefinition? FindById(string appId) => byId.GetValueOrDefault(appId);

    /// <summary>The app served on this sidecar port (its HttpPort or GrpcPort).</summary>
    public AppDefinition? FindByLocalPort(int port) => byPort.GetValueOrDefault(port);

    /// <summary>The app whose sidecar port received this request or gRPC call.</summary>
    public AppDefinition Current(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var port = context.Connection.LocalPort;
        return FindByLocalPort(port)
            ?? throw new InvalidOperationException($"No app is served on sidecar port {port}.");
    }

    private void AddPort(int port, AppDefinition app)
    {
        if (!byPort.TryAdd(port, app))
        {
            throw new InvalidOperationException(
                $"Sidecar port {port} of '{app.AppId}' is already used by '{byPort[port].AppId}'.");
        }
    }
}
