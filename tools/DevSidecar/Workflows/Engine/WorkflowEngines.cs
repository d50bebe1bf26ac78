using System.Collections.Concurrent;

namespace OrderPlatform.DevSidecar.Workflows.Engine;

/// <summary>Singleton: one isolated engine per app-id, created the first time that app-id calls the workflow API.</summary>
public sealed class WorkflowEngines(ILoggerFactory loggerFactory, WorkflowEngineOptions? options = null) : IDisposable
{
    private readonly WorkflowEngineOptions options = options ?? WorkflowEngineOptions.Default;
    private readonly ConcurrentDictionary<string, Lazy<WorkflowEngine>> engines = new(StringComparer.Ordinal);

    /// <summary>App-ids whose engine exists.</summary>
    public IReadOnlyCollection<string> AppIds => [.. engines.Keys];

    public WorkflowEngine For(string appId)
    {
        ArgumentException.ThrowIfNullOrEmpty(appId);
        return engines.GetOrAdd(appId, id => new Lazy<WorkflowEngine>(() => new WorkflowEngine(id, loggerFactory, options))).Value;
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
