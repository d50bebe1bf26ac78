using Dapr.Client;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrderPlatform.ServiceDefaults;

/// <summary>Readiness includes the Dapr sidecar: <c>GET /v1.0/healthz</c> on <c>DAPR_HTTP_ENDPOINT</c>.</summary>
public sealed class DaprSidecarHealthCheck(DaprClient dapr) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await dapr.CheckHealthAsync(cancellationToken)
                ? HealthCheckResult.Healthy("Dapr sidecar is healthy.")
                : HealthCheckResult.Unhealthy("Dapr sidecar reported unhealthy.");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return HealthCheckResult.Unhealthy("Dapr sidecar is unreachable.", ex);
        }
    }
}
