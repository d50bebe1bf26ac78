using System.Collections.Concurrent;
using System.Text.Json;
using Dapr.Client;
using OrderPlatform.ServiceDefaults;
using P = Dapr.Client.Autogen.Grpc.v1;

namespace OrderPlatform.OrderService.Tests.Support;

/// <summary>A state item of one <c>SaveState</c> call as it went to the sidecar.</summary>
internal sealed record SavedItem(string Key, string ETag, ConcurrencyMode? Concurrency, ConsistencyMode? Consistency, IReadOnlyDictionary<string, string> Metadata);

/// <summary>One <c>PublishEvent</c> call as it went to the sidecar.</summary>
internal sealed record PublishedEvent(string PubsubName, string Topic, JsonElement Data, IReadOnlyDictionary<string, string> Metadata)
{
    public T DataAs<T>() => Data.Deserialize<T>(JsonDefaults.Options)!;
}

/// <summary>
/// Reads the service's <c>SaveState</c>, <c>DeleteState</c> and <c>PublishEvent</c> gRPC requests on their way to the
/// sidecar (the calls still go through, to the real sidecar behind <see cref="OrderPlatform.Testing.DaprCallHooks"/>),
/// so a test can check what was asked for: first-write options, ETags, <c>contentType</c>/<c>ttlInSeconds</c> metadata,
/// bulk saves, the published event and its metadata.
/// </summary>
internal sealed class DaprWire(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly ConcurrentQueue<IReadOnlyList<SavedItem>> saveCalls = new();
    private readonly ConcurrentQueue<string> deletes = new();
    private readonly ConcurrentQueue<PublishedEvent> published = new();

    /// <summary>Every <c>SaveState</c> call with its items (a bulk save is one call with several).</summary>
    public IReadOnlyList<IReadOnlyList<SavedItem>> SaveCalls => [.. saveCalls];

    /// <summary>Every saved item, in order.</summary>
    public IReadOnlyList<SavedItem> Saves => [.. saveCalls.SelectMany(c => c)];

    public IReadOnlyList<string> Deletes => [.. deletes];

    public IReadOnlyList<PublishedEvent> Published => [.. published];

    public void Clear()
    {
        saveCalls.Clear();
        deletes.Clear();
        published.Clear();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.RequestUri?.Segments[^1];
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
