using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrderPlatform.PaymentService.Signing;

/// <summary>Readiness: not ready until the gateway key has been read from the secret store.</summary>
public sealed class GatewayKeyHealthCheck(GatewayKey key) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(key.IsLoaded
            ? HealthCheckResult.Healthy("Payment gateway key loaded.")
            : HealthCheckResult.Unhealthy("Payment gateway key not loaded yet."));
}

/// <summary>Charges and refunds answer 503 until the key is loaded, so no record is ever stored unsigned.</summary>
public sealed class GatewayKeyRequiredFilter(GatewayKey key) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return key.IsLoaded
            ? await next(context)
            : TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Payment gateway not ready",
                detail: "The payment gateway key has not been loaded from the secret store yet.");
    }
}
