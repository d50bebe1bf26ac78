using Grpc.Core;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.Options;
using OrderPlatform.DevSidecar.Workflows.Grpc;
using OrderPlatform.DevSidecar.Workflows.Retention;
using M = Microsoft.DurableTask.Protobuf;

namespace OrderPlatform.DevSidecar.Workflows.Engine;

/// <summary>
/// One app-id's workflow engine: Durable Task's in-memory orchestration service behind its gRPC task-hub server
/// (Microsoft's protocol). Its dispatchers start once the app's worker opens the work-item stream; the work items a
/// worker took and did not complete go back to the queue when its stream ends. State lives in memory only and is lost
/// when the sidecar stops; ended instances are purged per the retention policy.
/// </summary>
public sealed class WorkflowEngine : IDisposable
{
    private readonly EngineLifetime lifetime = new();
    private readonly RetentionSweeper retention;
    private readonly WorkerStream worker = new();
    private readonly InFlightWorkItems inFlight;

    /// <summary>Held while a worker attaches or while a departed worker's work items are handed back.</summary>
    private readonly SemaphoreSlim connections = new(1, 1);

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
        inFlight = new InFlightWorkItems(Server);
        lifetime.NotifyStarted();
    }

    public string AppId { get; }

    /// <summary>The orchestration service behind <see cref="Server"/> (the engine's store, for tests and diagnostics).</summary>
    internal EngineOrchestrationService<InMemoryOrchestrationService> Service { get; }

    /// <summary>The engine's task-hub service (Microsoft.DurableTask.Protobuf messages).</summary>
    public TaskHubGrpcServer Server { get; }

    /// <summary>Cancelled when the engine stops: open work-item streams end with it.</summary>
    public CancellationToken Stopping => lifetime.ApplicationStopping;

    /// <summary>
    /// Serves one worker's work-item stream until the worker leaves or the engine stops. A second worker while one is
    /// connected is refused (<c>ResourceExhausted</c>, as the engine's server does). When the stream ends, the worker
    /// is detached first (nothing more reaches it), the dispatchers stop fetching, and every work item it had not
    /// completed goes back to the queue for the next worker, which cannot attach before that is done.
    /// </summary>
    internal async Task ServeWorkerAsync(
        M.GetWorkItemsRequest request, IServerStreamWriter<M.WorkItem> stream, ServerCallContext context)
    {
        await connections.WaitAsync(context.CancellationToken).ConfigureAwait(false);
        try
        {
            if (!await worker.TryAttachAsync(stream).ConfigureAwait(false))
            {
                throw new RpcException(new Status(StatusCode.ResourceExhausted, "Another client is already connected"));
            }
        }
        finally
        {
            connections.Release();
        }

        using var serverCall = new CancellationTokenSource();
        var serving = Server.GetWorkItems(request, worker, new LinkedServerCallContext(context, serverCall.Token));
        try
        {
            using var leaving = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, Stopping);
            await Task.Delay(Timeout.InfiniteTimeSpan, leaving.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The worker disconnected or the engine is stopping.
        }
        finally
        {
            await connections.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                await worker.DetachAsync().ConfigureAwait(false);
                await serverCall.CancelAsync().ConfigureAwait(false);
                await serving.ConfigureAwait(false);
                inFlight.HandBack();
            }
            finally
            {
                connections.Release();
            }
        }
    }

    /// <summary>Purges the ended instances whose retention has passed now (the engine also does so on a timer).</summary>
    internal Task<int> SweepRetentionAsync() => retention.SweepAsync();

    /// <summary>Stops the dispatchers and ends the work-item stream. Instances are not kept.</summary>
    public void Stop() => lifetime.StopApplication();

    public void Dispose()
    {
        retention.Dispose();
        lifetime.Dispose();
        worker.Dispose();
        connections.Dispose();
        Service.Dispose();
    }
}
