using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.Options;

namespace OrderPlatform.DevSidecar.Workflows.Engine;

/// <summary>
/// One app-id's workflow engine: Durable Task's in-memory orchestration service behind its gRPC task-hub server
/// (Microsoft's protocol). Its dispatchers start once the app's worker opens the work-item stream. State lives in
/// memory only and is lost when the sidecar stops.
/// </summary>
public sealed class WorkflowEngine : IDisposable
{
    private readonly EngineLifetime lifetime = new();

    internal WorkflowEngine(string appId, ILoggerFactory loggerFactory, int maxConcurrentWorkItems)
    {
        AppId = appId;
        var service = new ScaledOrchestrationService<InMemoryOrchestrationService>(
            new InMemoryOrchestrationService(loggerFactory), maxConcurrentWorkItems);
        Server = new TaskHubGrpcServer(
            lifetime, loggerFactory, service, service, Options.Create(new TaskHubGrpcServerOptions()));
        lifetime.NotifyStarted();
    }

    public string AppId { get; }

    /// <summary>The engine's task-hub service (Microsoft.DurableTask.Protobuf messages).</summary>
    public TaskHubGrpcServer Server { get; }

    /// <summary>Cancelled when the engine stops: open work-item streams end with it.</summary>
    public CancellationToken Stopping => lifetime.ApplicationStopping;

    /// <summary>Stops the dispatchers and ends the work-item stream. Instances are not kept.</summary>
    public void Stop() => lifetime.StopApplication();

    public void Dispose() => lifetime.Dispose();
}
