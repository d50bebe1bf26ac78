using Azure.Monitor.OpenTelemetry.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OrderPlatform.ServiceDefaults;

/// <summary>
/// Traces, metrics and logs through OpenTelemetry. Exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set
/// (Aspire dashboard, any collector) and to Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (ACA).
/// </summary>
public static class TelemetryExtensions
{
    /// <summary>Activity sources the services create spans on.</summary>
    public const string ActivitySourceName = "OrderPlatform";

    /// <summary>Dapr.Workflow's worker: a <c>WorkflowActivity name</c> span per activity run, under the sidecar's activity span.</summary>
    public const string DaprWorkflowSourceName = "Dapr.Workflow";

    /// <summary>
    /// Grpc.Net.Client's span per call (DaprClient's state, publish and workflow calls to the sidecar): the HTTP client
    /// span of each such call is its child, so without it those spans have no recorded parent and the dashboard lists
    /// them at the trace's root (grpc/grpc-dotnet src/Grpc.Net.Client/Internal/GrpcDiagnostics.cs names the source).
    /// </summary>
    public const string GrpcClientSourceName = "Grpc.Net.Client";

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(ActivitySourceName))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName, ActivitySourceName, DaprWorkflowSourceName, GrpcClientSourceName)
                .AddProcessor<OrderIdSpanProcessor>()
                .AddAspNetCoreInstrumentation(o => o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        if (!string.IsNullOrWhiteSpace(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
        {
            // Without a configure callback: that overload of the distro (1.6.0) ignores OTEL_TRACES_SAMPLER(_ARG).
            telemetry.UseAzureMonitor();
            builder.Services.Configure<AzureMonitorOptions>(azure =>
            {
                // The distro drops every log record of a trace it did not keep; the "order never ended" alert reads the
                // workflow's start and end log lines (infra/core/operations.bicep), so logs are kept whatever the sampling.
                azure.EnableTraceBasedLogsSampler = false;
                if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_TRACES_SAMPLER"]))
                {
                    // The distro's default keeps 5 traces/s per process, each process deciding alone (it ignores the
                    // parent's decision), so a trace across services arrives in pieces. A fixed percentage is decided
                    // from the trace id, the same in every service: whole traces, all of them unless configured.
                    azure.TracesPerSecond = null;
                }
            });
        }

        return builder;
    }
}
