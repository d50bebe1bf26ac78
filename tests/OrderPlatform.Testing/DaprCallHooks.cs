using System.Collections.Concurrent;
using System.Text.Json;
using Dapr.Client;
using OrderPlatform.ServiceDefaults;
using P = Dapr.Client.Autogen.Grpc.v1;

namespace OrderPlatform.Testing;

/// <summary>A state item of one <c>SaveState</c> call as it went to the sidecar.</summary>
public sealed record SavedItem(string Key, string ETag, ConcurrencyMode? Concurrency, ConsistencyMode? Consistency, IReadOnlyDictionary<string, string> Metadata);

/// <summary>One <c>PublishEvent</c> call as it went to the sidecar.</summary>
public sealed record PublishedEvent(string PubsubName, string Topic, JsonElement Data, IReadOnlyDictionary<string, string> Metadata)
{
    public T DataAs<T>() => Data.Deserialize<T>(JsonDefaults.Options)!;
}

/// <summary>
/// Sits in the gRPC channel between the service under test and the sidecar, so a test can step into a Dapr call by
/// its method name (<c>ExecuteStateTransaction</c>, <c>SaveState</c>, <c>GetState</c>, …): run something first (a
/// racing writer), fail it as an unreachable sidecar would, or count it; and reads the <c>SaveState</c>,
/// <c>DeleteState</c> and <c>PublishEvent</c> requests that go through, so a test can check what was asked for
/// (first-write options, ETags, <c>contentType</c>/<c>ttlInSeconds</c> metadata, bulk saves, published events).
/// </summary>
public sealed class DaprCallHooks : DelegatingHandler
{
    private readonly ConcurrentDictionary<string, Func<CancellationToken, Task>> before = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> failures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> calls = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<IReadOnlyList<SavedItem>> saveCalls = new();
    private readonly ConcurrentQueue<string> deletes = new();
    private readonly ConcurrentQueue<PublishedEvent> published = new();

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

    /// <summary>Every <c>SaveState</c> call that went through, with its items (a bulk save is one call with several).</summary>
    public IReadOnlyList<IReadOnlyList<SavedItem>> SaveCalls => [.. saveCalls];

    /// <summary>Every saved item, in order.</summary>
    public IReadOnlyList<SavedItem> Saves => [.. saveCalls.SelectMany(c => c)];

    public IReadOnlyList<string> Deletes => [.. deletes];

    public IReadOnlyList<PublishedEvent> Published => [.. published];

    /// <summary>Forgets the recorded saves, deletes and events (not the counts: <see cref="ResetCounts"/>).</summary>
    public void ClearRecords()
    {
        saveCalls.Clear();
        deletes.Clear();
        published.Clear();
    }

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

        if (method is "SaveState" or "DeleteState" or "PublishEvent" && request.Content is { } content)
        {
            var frame = await content.ReadAsByteArrayAsync(cancellationToken);
            var copy = new ByteArrayContent(frame);
            foreach (var header in content.Headers)
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            request.Content = copy;
            Record(method, frame.AsSpan(5)); // gRPC message frame: compressed flag + 4-byte length, then the message
        }

        return await base.SendAsync(request, cancellationToken);
    }

    private void Record(string method, ReadOnlySpan<byte> message)
    {
        switch (method)
        {
            case "SaveState":
                saveCalls.Enqueue([.. P.SaveStateRequest.Parser.ParseFrom(message).States.Select(s => new SavedItem(
                    s.Key, s.Etag?.Value ?? string.Empty, Concurrency(s.Options), Consistency(s.Options), s.Metadata.ToDictionary()))]);
                break;
            case "DeleteState":
                deletes.Enqueue(P.DeleteStateRequest.Parser.ParseFrom(message).Key);
                break;
            default:
                var publish = P.PublishEventRequest.Parser.ParseFrom(message);
                published.Enqueue(new PublishedEvent(
                    publish.PubsubName, publish.Topic, JsonDocument.Parse(publish.Data.Memory).RootElement.Clone(), publish.Metadata.ToDictionary()));
                break;
        }
    }

    private static ConcurrencyMode? Concurrency(P.StateOptions? options) => options?.Concurrency switch
    {
        P.StateOptions.Types.StateConcurrency.ConcurrencyFirstWrite => ConcurrencyMode.FirstWrite,
        P.StateOptions.Types.StateConcurrency.ConcurrencyLastWrite => ConcurrencyMode.LastWrite,
        _ => null,
    };

    private static ConsistencyMode? Consistency(P.StateOptions? options) => options?.Consistency switch
    {
        P.StateOptions.Types.StateConsistency.ConsistencyStrong => ConsistencyMode.Strong,
        P.StateOptions.Types.StateConsistency.ConsistencyEventual => ConsistencyMode.Eventual,
        _ => null,
    };
}
