using Grpc.AspNetCore.Server.Model;
using OrderPlatform.DevSidecar.Configuration;
using OrderPlatform.DevSidecar.Workflows.Engine;
using OrderPlatform.DevSidecar.Workflows.Grpc;
using OrderPlatform.DevSidecar.Workflows.Protocol;
using OrderPlatform.DevSidecar.Workflows.Tracing;

namespace OrderPlatform.DevSidecar.Workflows;

/// <summary>
/// The workflow API: Dapr.Workflow's task-hub protocol on every app's gRPC port, over one isolated Durable Task
/// in-memory engine per app-id.
/// </summary>
public static class WorkflowModule
{
    public static IServiceCollection AddSidecarWorkflows(this IServiceCollection services)
    {
        services.AddSingleton(_ => ProtocolMap.ForTaskHub());
        services.AddSingleton<ProtocolTranslator>();
        services.AddSingleton(sp => new WorkflowEngines(
            sp.GetRequiredService<ILoggerFactory>(),
            WorkflowEngineOptions.Default with
            {
                MaxConcurrentWorkItems = sp.GetRequiredService<IConfiguration>().GetValue(
                    "DevSidecar:Workflows:MaxConcurrentWorkItems", WorkflowEngineOptions.DefaultMaxConcurrentWorkItems),
                Retention = sp.GetRequiredService<SidecarSettings>().WorkflowRetention,
                Time = sp.GetRequiredService<TimeProvider>(),
            }));
        services.AddSingleton<WorkflowSpans>();
        services.AddSingleton<TaskHubService>();
        services.AddSingleton<IServiceMethodProvider<TaskHubService>, TaskHubMethodProvider>();
        return services;
    }

    public static WebApplication MapSidecarWorkflows(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var engines = app.Services.GetRequiredService<WorkflowEngines>();
        app.Lifetime.ApplicationStopping.Register(engines.StopAll);
        ReviewedCollisions.WarnIfChanged(app.Services.GetRequiredService<ProtocolMap>(), app.Logger);
        app.MapGrpcService<TaskHubService>();
        return app;
    }
}
