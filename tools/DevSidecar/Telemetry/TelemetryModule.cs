using OrderPlatform.DevSidecar.State;

namespace OrderPlatform.DevSidecar.Telemetry;

/// <summary>
/// On every HTTP port: <c>GET /v1.0/dev/stats</c> (appId → api → number of calls) and <c>GET /v1.0/dev/memory</c>
/// (<see cref="MemoryReport"/>).
/// </summary>
public static class TelemetryModule
{
    public static WebApplication MapSidecarStats(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/v1.0/dev/stats", (CallRecorder recorder) => Results.Json(recorder.Snapshot()));
        app.MapGet("/v1.0/dev/memory", (StateStores stores) => Results.Json(MemoryReport.Take(stores)));
        return app;
    }
}
