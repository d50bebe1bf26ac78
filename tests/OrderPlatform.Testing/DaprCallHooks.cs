using System.Collections.Concurrent;

namespace OrderPlatform.Testing;

/// <summary>
/// Sits in the gRPC channel between the service under test and the sidecar, so a test can step into a Dapr call by
/// its method name (<c>ExecuteStateTransaction</c>, <c>SaveState</c>, <c>GetState</c>, …): run something first (a
/// racing writer), fail it as an unreachable sidecar would, or count it.
/// </summary>
public sealed class DaprCallHooks : DelegatingHandler
{
    private readonly ConcurrentDictionary<string, Func<CancellationToken, Task>> before = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> failures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> calls = new(StringComparer.Ordinal);

    public DaprCallHooks()
        : base(new SocketsHttpHandler { EnableMultipleHttp2Connections = true })
    {
    }

    /// <summary>Runs <paramref name="action"/> before every <paramref name="method"/> call is sent (null removes it).</summary>
    public void Before(string method, Func<CancellationToken, Task>? action)
    {
        if (action is null)
        {
            before.TryRemove(method, out _);
        }
        else
        {
            before[method] = action;
        }
    }

    /// <summary>The next <paramref name="times"/> <paramref name="method"/> calls fail as if the sidecar were unreachable.</summary>
    public void Fail(string method, int times = int.MaxValue) => failures[method] = times;

    public void StopFailing(string method) => failures.TryRemove(method, out _);

    /// <summary>How many <paramref name="method"/> calls the service made (failed ones included).</summary>
    public int Calls(string method) => calls.GetValueOrDefault(method);

    /// <summary>State writes of any kind the service made (saves, transactions, deletes; failed ones included).</summary>
    public int StateWrites =>
        Calls("SaveState") + Calls("ExecuteStateTransaction") + Calls("DeleteState") + Calls("DeleteBulkState");

    public void ResetCounts() => calls.Clear();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var method = request.RequestUri?.Segments[^1] ?? string.Empty;
        calls.AddOrUpdate(method, 1, (_, n) => n + 1);
        if (before.TryGetValue(method, out var action))
        {
            await action(cancellationToken);
        }

        if (failures.TryGetValue(method, out var left) && left > 0)
        {
            failures[method] = left - 1;
            throw new HttpRequestException($"Injected by the test: {method} did not reach the sidecar.");
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
