using System.Collections.Concurrent;

namespace OrderPlatform.DevSidecar.Workflows.Engine;

/// <summary>Singleton: one isolated engine per app-id, created the first time that app-id calls the workflow API.</summary>
/// <param name="maxConcurrentWorkItems">Workflow and activity work items each engine hands out at once
/// (<c>DevSidecar:Workflows:MaxConcurrentWorkItems</c>).</param>
public sealed class WorkflowEngines(ILoggerFactory loggerFactory, int maxConcurrentWorkItems = WorkflowEngines.DefaultMaxConcurrentWorkItems)
    : IDisposable
{
    public const int DefaultMaxConcurrentWorkItems = 100;

    private readonly ConcurrentDictionary<string, Lazy<WorkflowEngine>> engines = new(StringComparer.Ordinal);

    /// <summary>App-ids whose engine exists.</summary>
    public IReadOnlyCollection<string> AppIds => [.. engines.Keys];

    public WorkflowEngine For(string appId)
    {
        ArgumentException.ThrowIfNullOrEmpty(appId);
        return engines.GetOrAdd(appId, id => new Lazy<WorkflowEngine>(() => new WorkflowEngine(id, loggerFactory, maxConcurrentWorkItems))).Value;
    }

    /// <summary>Stops every engine (their work-item streams end so the host can shut down promptly).</summary>
    public void StopAll()
    {
        foreach (var engine in engines.Values.Where(e => e.IsValueCreated))
        {
            engine.Value.Stop();
        }
    }

    public void Dispose()
    {
        foreach (var engine in engines.Values.Where(e => e.IsValueCreated))
        {
            engine.Value.Dispose();
        }
    }
}
