using System.Collections.Concurrent;
using System.Text.Json;
using Dapr.Client;
using OrderPlatform.Contracts;
using OrderPlatform.OrderService.Storage;
using OrderPlatform.ServiceDefaults;

namespace OrderService.Tests.Api;

/// <summary>
/// An in-memory <c>orders-store</c> behind a mocked <see cref="DaprClient"/>, with Dapr's first-write rules: an empty
/// ETag inserts only when the key is new, any other ETag must match. Values are kept as JSON (JsonDefaults), as Dapr does.
/// </summary>
internal sealed class FakeStateStore
{
    private readonly ConcurrentDictionary<string, (string Json, string ETag)> items = new();
    private readonly Lock gate = new();
    private int version;

    public List<(string Key, string ETag, StateOptions Options)> Saves { get; } = [];
    public List<IReadOnlyList<SaveStateItem<StoredOrder>>> BulkSaves { get; } = [];

    public bool Contains(string key) => items.ContainsKey(key);

    public JsonElement Json(string key) => JsonDocument.Parse(items[key].Json).RootElement;

    public T? Get<T>(string key) => items.TryGetValue(key, out var item) ? JsonSerializer.Deserialize<T>(item.Json, JsonDefaults.Options) : default;

    public void Put<T>(string key, T value) => items[key] = (JsonSerializer.Serialize(value, JsonDefaults.Options), NextETag());

    public void Attach(Mock<DaprClient> dapr)
    {
        Attach<StoredOrder>(dapr);
        Attach<IdempotencyRecord>(dapr);
        dapr.Setup(d => d.SaveBulkStateAsync(Components.OrdersStore, It.IsAny<IReadOnlyList<SaveStateItem<StoredOrder>>>(), It.IsAny<CancellationToken>()))
            .Callback((string _, IReadOnlyList<SaveStateItem<StoredOrder>> bulk, CancellationToken _) =>
            {
                BulkSaves.Add(bulk);
                foreach (var item in bulk)
                {
                    Put(item.Key, item.Value);
                }
            })
            .Returns(Task.CompletedTask);
        dapr.Setup(d => d.GetBulkStateAsync(Components.OrdersStore, It.IsAny<IReadOnlyList<string>>(), It.IsAny<int?>(), It.IsAny<IReadOnlyDictionary<string, string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, IReadOnlyList<string> keys, int? _, IReadOnlyDictionary<string, string> _, CancellationToken _) =>
                keys.Select(k => items.TryGetValue(k, out var i) ? new BulkStateItem(k, i.Json, i.ETag) : new BulkStateItem(k, string.Empty, string.Empty)).ToList());
        dapr.Setup(d => d.DeleteStateAsync(Components.OrdersStore, It.IsAny<string>(), It.IsAny<StateOptions>(), It.IsAny<IReadOnlyDictionary<string, string>>(), It.IsAny<CancellationToken>()))
            .Callback((string _, string key, StateOptions _, IReadOnlyDictionary<string, string> _, CancellationToken _) => items.TryRemove(key, out _))
            .Returns(Task.CompletedTask);
    }

    private void Attach<T>(Mock<DaprClient> dapr)
    {
        dapr.Setup(d => d.GetStateAsync<T>(Components.OrdersStore, It.IsAny<string>(), It.IsAny<ConsistencyMode?>(), It.IsAny<IReadOnlyDictionary<string, string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, string key, ConsistencyMode? _, IReadOnlyDictionary<string, string> _, CancellationToken _) => Get<T>(key)!);
        dapr.Setup(d => d.GetStateAndETagAsync<T>(Components.OrdersStore, It.IsAny<string>(), It.IsAny<ConsistencyMode?>(), It.IsAny<IReadOnlyDictionary<string, string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, string key, ConsistencyMode? _, IReadOnlyDictionary<string, string> _, CancellationToken _) =>
                (Get<T>(key)!, items.TryGetValue(key, out var i) ? i.ETag : string.Empty));
        dapr.Setup(d => d.TrySaveStateAsync(Components.OrdersStore, It.IsAny<string>(), It.IsAny<T>(), It.IsAny<string>(), It.IsAny<StateOptions>(), It.IsAny<IReadOnlyDictionary<string, string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, string key, T value, string etag, StateOptions options, IReadOnlyDictionary<string, string> _, CancellationToken _) => TrySave(key, value, etag, options));
    }

    private bool TrySave<T>(string key, T value, string etag, StateOptions options)
    {
        lock (gate)
        {
            Saves.Add((key, etag, options));
            var exists = items.TryGetValue(key, out var current);
            if (string.IsNullOrEmpty(etag) ? exists : !exists || current.ETag != etag)
            {
                return false;
            }

            Put(key, value);
            return true;
        }
    }

    private string NextETag() => Interlocked.Increment(ref version).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
