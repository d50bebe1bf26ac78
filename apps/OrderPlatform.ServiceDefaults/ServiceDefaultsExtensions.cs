using Dapr.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using OrderPlatform.ServiceDefaults.Security;
using OrderPlatform.ServiceDefaults.Validation;
using Scalar.AspNetCore;

namespace OrderPlatform.ServiceDefaults;

/// <summary>The one call each service makes: <c>builder.AddServiceDefaults()</c> then <c>app.MapDefaultEndpoints()</c>.</summary>
public static class ServiceDefaultsExtensions
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureOpenTelemetry();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        ValidationNames.UseJsonNames();
        builder.Services.Configure<JsonOptions>(o => JsonDefaults.Configure(o.SerializerOptions));
        builder.Services.AddDaprClient(dapr => dapr.UseJsonSerializationOptions(JsonDefaults.Options));
        builder.Services.AddOpenApi(o => o.AddSchemaTransformer<NullableIsOptionalSchemaTransformer>());
        builder.AddDaprCallers();

        // Liveness runs only the checks tagged "live"; readiness runs every check (a service adds its own untagged).
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"])
            .AddCheck<DaprSidecarHealthCheck>("dapr-sidecar", HealthStatus.Unhealthy);
        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = r => r.Tags.Contains("live") });
        app.MapHealthChecks(ReadyPath);

        // The document in every environment (clients generate against it); the browsable reference in Development only.
        app.MapOpenApi();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference();
        }

        return app;
    }
}
