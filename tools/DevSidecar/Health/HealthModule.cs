namespace OrderPlatform.DevSidecar.Health;

/// <summary>Dapr's health API: <c>/v1.0/healthz</c> (204 once the sidecar has started) and <c>/v1.0/healthz/outbound</c>.</summary>
public static class HealthModule
{
    public static WebApplication MapSidecarHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/v1.0/healthz", (IHostApplicationLifetime lifetime) =>
            lifetime.ApplicationStarted.IsCancellationRequested
                ? Results.NoContent()
                : Results.Json(new { errorCode = "ERR_HEALTH_NOT_READY", message = "dapr is not ready" }, statusCode: 500));
        app.MapGet("/v1.0/healthz/outbound", () => Results.NoContent());
        return app;
    }
}
