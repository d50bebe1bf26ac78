using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OrderPlatform.DevSidecar.Workflows.Tracing;

namespace OrderPlatform.DevSidecar.Telemetry;

/// <summary>
/// The workflow spans (<see cref="WorkflowSpans"/>) exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set
/// (Aspire sets it for the sidecar as for the services), as daprd exports its own spans to the configured collector.
/// Without it nothing listens and no span is recorded.
/// </summary>
public static class TraceExport
{
    public const string DefaultServiceName = "dev-sidecar";

    public static IServiceCollection AddSidecarTraceExport(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["OTEL_SERVICE_NAME"] ?? DefaultServiceName))
            .WithTracing(t => t.AddSource(WorkflowSpans.SourceName))
            .UseOtlpExporter();
        return services;
    }
}
