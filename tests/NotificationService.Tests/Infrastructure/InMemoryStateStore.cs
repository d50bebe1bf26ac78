using System.Globalization;
using System.Text.Json;
using Dapr;
using Dapr.Client;
using Grpc.Core;
using OrderPlatform.ServiceDefaults;

namespace NotificationService.Tests.Infrastructure;

/// <summary>
/// A mocked <see cref="DaprClient"/> whose state calls are backed by a dictionary with Dapr's semantics:
/// values round-trip through JSON, every write bumps an ETag, first-write without an ETag is an insert.
/// </summary>
public sealed class InMemoryStateStore(string storeName)
{
    private readonly object gate = new();
    private readonly Dictionary<string, (string Json, string ETag)> items = new(StringComparer.Ordinal);
    private int version;

    public Mock<DaprClient> Dapr { get; } = new(MockBehavior.Loose);

    /// <summary>Runs just before a conditional save is applied (to simulate a concurrent writer).</summary>
    public Action<string>? BeforeSave { get; set; }

    public IReadOnlyCollection<string> Keys { get { lock (gate) { return items.Keys.ToList(); } } }

    public InMemoryStateStore Handle<T>()
    {
        Dapr.Setup(d => d.GetStateAsync<T>(storeName, It.IsAny<string>(), It.IsAny<ConsistencyMode?>(),
                It.IsAny<IReadOnlyDictionary<string, string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, string key, ConsistencyMode? _, IReadOnlyDictionary<string, string>? _, CancellationToken _) => Get<T>(key)!);
        Dapr.Setup(d => d.GetStateAndETagAsync<T>(storeName, It.IsAny<string>(), It.IsAny<ConsistencyMode?>(),
                It.IsAny<IReadOnlyDictionary<string, string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, string key, ConsistencyMode? _, IReadOnlyDictionary<string, string>? _, CancellationToken _) => GetWithETag<T>(key));
        Dapr.Setup(d => d.TrySaveStateAsync(storeName, It.IsAny<string>(), It.IsAny<T>(), It.IsAny<string>(),
                It.IsAny<StateOptions>(), It.IsAny<IReadOnlyDictionary<string, string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, string key, T value, string etag, StateOptions? options, IReadOnlyDictionary<string, string>? _, CancellationToken _) =>
            {
                BeforeSave?.Invoke(key);
                return TrySave(key, value, etag, options);
            });
        return this;
    }

    /// <summary>Makes reads of <typeparamref name="T"/> fail the way Dapr.Client reports an unreachable store.</summary>
    public void FailReads<T>()
    {
        var error = new DaprException("State operation failed", new RpcException(new Status(StatusCode.Unavailable, "store down")));
        Dapr.Setup(d => d.GetStateAsync<T>(storeName, It.IsAny<string>(), It.IsAny<ConsistencyMode?>(),
            It.IsAny<IReadOnlyDictionary<string, string>>(), It.IsAny<CancellationToken>())).ThrowsAsync(error);
        Dapr.Setup(d => d.GetStateAndETagAsync<T>(storeName, It.IsAny<string>(), It.IsAny<ConsistencyMode?>(),
            It.IsAny<IReadOnlyDictionary<string, string>>(), It.IsAny<CancellationToken>())).ThrowsAsync(error);
    }

    public T? Get<T>(string key) => GetWithETag<T>(key).Value;

    public void Put<T>(string key, T value)
    {
        lock (gate)
        {
            items[key] = (JsonSerializer.Serialize(value, JsonDefaults.Options), NextETag());
        }
    }

    private (T Value, string ETag) GetWithETag<T>(string key)
    {
        lock (gate)
        {
            return items.TryGetValue(key, out var item)
                ? (JsonSerializer.Deserialize<T>(item.Json, JsonDefaults.Options)!, item.ETag)
                : (default!, string.Empty);
        }
    }

    private bool TrySave<T>(string key, T value, string etag, StateOptions? options)
    {
        lock (gate)
        {
            var exists = items.TryGetValue(key, out var current);
            var hasETag = !string.IsNullOrEmpty(etag);
            if ((hasETag && (!exists || current.ETag != etag))
                || (!hasETag && exists && options?.Concurrency == ConcurrencyMode.FirstWrite))
            {
                return false;
            }

            items[key] = (JsonSerializer.Serialize(value, JsonDefaults.Options), NextETag());
            return true;
        }
    }

    private string NextETag() => (++version).ToString(CultureInfo.InvariantCulture);
}
