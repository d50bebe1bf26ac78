namespace OrderPlatform.DevSidecar.Workflows.Engine;

/// <summary>
/// The lifetime of one app's engine. <c>TaskHubGrpcServer</c> starts its dispatchers when ApplicationStarted fires
/// and stops them on ApplicationStopping; engines are created lazily, so each gets its own lifetime.
/// </summary>
internal sealed class EngineLifetime : IHostApplicationLifetime, IDisposable
{
    private readonly CancellationTokenSource started = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly CancellationTokenSource stopped = new();

    public EngineLifetime()
    {
        // Captured once: the engine reads them after disposal too, when they are already cancelled.
        ApplicationStarted = started.Token;
        ApplicationStopping = stopping.Token;
        ApplicationStopped = stopped.Token;
    }

    public CancellationToken ApplicationStarted { get; }

    public CancellationToken ApplicationStopping { get; }

    public CancellationToken ApplicationStopped { get; }

    public void NotifyStarted() => started.Cancel();

    public void StopApplication()
    {
        if (!stopping.IsCancellationRequested)
        {
            stopping.Cancel();
            stopped.Cancel();
        }
    }

    public void Dispose()
    {
        StopApplication();
        started.Dispose();
        stopping.Dispose();
        stopped.Dispose();
    }
}
