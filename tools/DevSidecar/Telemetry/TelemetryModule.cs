namespace OrderPlatform.DevSidecar.Telemetry;

/// <summary><c>GET /v1.0/dev/stats</c> on every HTTP port: appId → api → number of calls.</summary>
public static class TelemetryModule
{
    public static WebApplication MapSidecarStats(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/v1.0/dev/stats", (CallRecorder recorder) => Results.Json(recorder.Snapshot()));
        return app;
    }
}
