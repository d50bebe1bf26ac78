using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.Options;
using OrderPlatform.DevSidecar.Workflows.Retention;

namespace OrderPlatform.DevSidecar.Workflows.Engine;

/// <summary>
/// One app-id's workflow engine: Durable Task's in-memory orchestration service behind its gRPC task-hub server
/// (Microsoft's protocol). Its dispatchers start once the app's worker opens the work-item stream. State lives in
/// memory only and is lost when the sidecar stops; ended instances are purged per the retention policy.
/// </summary>
public sealed class WorkflowEngine : IDisposable
{
    private readonly EngineLifetime lifetime = new();
    private readonly RetentionSweeper retention;

    internal WorkflowEngine(string appId, ILoggerFactory loggerFactory, WorkflowEngineOptions options)
    {
        AppId = appId;
        var service = new EngineOrchestrationService<InMemoryOrchestrationService>(
            new InMemoryOrchestrationService(loggerFactory), options.MaxConcurrentWorkItems);
        retention = new RetentionSweeper(options.Retention, service, service, options.Time, options.RetentionSweepInterval,
            loggerFactory.CreateLogger<RetentionSweeper>());
        service.EpisodeCompleted += retention.Track;
        Service = service;
        Server = new TaskHubGrpcServer(
            lifetime, loggerFactory, service, service, Options.Create(new TaskHubGrpcServerOptions()));
        lifetime.NotifyStarted();
    }

    public string AppId { get; }

    /// <summary>The orchestration service behind <see cref="Server"/> (the engine's store, for tests and diagnostics).</summary>
    internal EngineOrchestrationService<InMemoryOrchestrationService> Service { get; }

    /// <summary>The engine's task-hub service (Microsoft.DurableTask.Protobuf messages).</summary>
    public TaskHubGrpcServer Server { get; }

    /// <summary>Cancelled when the engine stops: open work-item streams end with it.</summary>
    public CancellationToken Stopping => lifetime.ApplicationStopping;

    /// <summary>Purges the ended instances whose retention has passed now (the engine also does so on a timer).</summary>
    internal Task<int> SweepRetentionAsync() => retention.SweepAsync();

    /// <summary>Stops the dispatchers and ends the work-item stream. Instances are not kept.</summary>
    public void Stop() => lifetime.StopApplication();

    public void Dispose()
    {
        retention.Dispose();
        lifetime.Dispose();
        Service.Dispose();
    }
}
