using System.Collections.Concurrent;

namespace OrderPlatform.DevSidecar.Telemetry;

/// <summary>Singleton: one log line per call (app-id, API, outcome, ms) + per-app, per-API counters for the benchmark.</summary>
public sealed partial class CallRecorder(ILogger<CallRecorder> logger, CallLogOptions options)
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, Counter>> counters =
        new(StringComparer.Ordinal);

    /// <summary>Counts the call and logs it, e.g. <c>[order-service] state.save ok 0.4ms</c>.</summary>
    public void Record(string appId, string api, string outcome, double milliseconds) =>
        Record(appId, api, null, outcome, milliseconds);

    /// <summary>Counts the call and logs it with its target, e.g. <c>[order-service] state.save orders-store ok 0.4ms</c>.</summary>
    public void Record(string appId, string api, string? target, string outcome, double milliseconds)
    {
        var perApp = counters.GetOrAdd(appId, static _ => new ConcurrentDictionary<string, Counter>(StringComparer.Ordinal));
        Interlocked.Increment(ref perApp.GetOrAdd(api, static _ => new Counter()).Value);
        if (logger.IsEnabled(options.Level))
        {
            LogCall(logger, options.Level, appId, api, target is null ? string.Empty : " " + target, outcome, milliseconds);
        }
    }

    /// <summary>appId → api → number of calls so far.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Snapshot() =>
        counters.ToDictionary(
            app => app.Key,
            app => (IReadOnlyDictionary<string, long>)app.Value.ToDictionary(
                api => api.Key, api => Interlocked.Read(ref api.Value.Value), StringComparer.Ordinal),
            StringComparer.Ordinal);

    [LoggerMessage(Message = "[{AppId}] {Api}{Target} {Outcome} {Milliseconds:0.0}ms")]
    private static partial void LogCall(
        ILogger logger, LogLevel level, string appId, string api, string target, string outcome, double milliseconds);

    private sealed class Counter
    {
        public long Value;
    }
}
