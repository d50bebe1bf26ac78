using System.Globalization;
using System.Text.Json;
using Dapr;
using Dapr.Client;
using Grpc.Core;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.Testing;

/// <summary>
/// An in-memory state store behind a mocked <see cref="DaprClient"/>: per-key versions as ETags, atomic transactions,
/// first-write checks (ETag must match; no ETag = key must not exist) failing like daprd does for a transaction
/// (RpcException Internal "possible etag mismatch" inside a DaprException). Every call yields, so parallel callers interleave.
/// </summary>
public sealed class FakeStateStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, (byte[] Json, int Version)> items = new(StringComparer.Ordinal);
    private readonly string storeName;

    public FakeStateStore(string storeName)
    {
        this.storeName = storeName;
        Dapr.Setup(d => d.WaitForSidecarAsync(It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        Dapr.Setup(d => d.ExecuteStateTransactionAsync(
                storeName, It.IsAny<IReadOnlyList<StateTransactionRequest>>(),
                It.IsAny<IReadOnlyDictionary<string, string>>(), It.IsAny<CancellationToken>()))
            .Returns((string _, IReadOnlyList<StateTransactionRequest> ops, IReadOnlyDictionary<string, string> _, CancellationToken _) =>
                CommitAsync(ops));
    }

    public Mock<DaprClient> Dapr { get; } = new();

    /// <summary>Runs before each transaction is checked; may change state (a racing writer) or throw.</summary>
    public Action<IReadOnlyList<StateTransactionRequest>>? BeforeCommit { get; set; }

    public int Attempts { get; private set; }

    public int Commits { get; private set; }

    public FakeStateStore Handles<T>()
    {
        Dapr.Setup(d => d.GetStateAndETagAsync<T>(
                storeName, It.IsAny<string>(), It.IsAny<ConsistencyMode?>(),
                It.IsAny<IReadOnlyDictionary<string, string>>(), It.IsAny<CancellationToken>()))
            .Returns((string _, string key, ConsistencyMode? _, IReadOnlyDictionary<string, string> _, CancellationToken _) =>
                ReadAsync<T>(key));
        Dapr.Setup(d => d.GetStateAsync<T>(
                storeName, It.IsAny<string>(), It.IsAny<ConsistencyMode?>(),
                It.IsAny<IReadOnlyDictionary<string, string>>(), It.IsAny<CancellationToken>()))
            .Returns(async (string _, string key, ConsistencyMode? _, IReadOnlyDictionary<string, string> _, CancellationToken _) =>
                (await ReadAsync<T>(key)).Value);
        return this;
    }

    public void Put<T>(string key, T value)
    {
        lock (gate)
        {
            var version = items.TryGetValue(key, out var current) ? current.Version + 1 : 1;
            items[key] = (JsonSerializer.SerializeToUtf8Bytes(value, JsonDefaults.Options), version);
        }
    }

    public T? Get<T>(string key)
    {
        lock (gate)
        {
            return items.TryGetValue(key, out var item) ? JsonSerializer.Deserialize<T>(item.Json, JsonDefaults.Options) : default;
        }
    }

    public IReadOnlyList<string> Keys(string prefix)
    {
        lock (gate)
        {
            return [.. items.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))];
        }
    }

    public void ResetCounters()
    {
        lock (gate)
        {
            Attempts = 0;
            Commits = 0;
        }
    }

    public static DaprException Conflict(string detail = "possible etag mismatch. error from state store: etag mismatch") =>
        new("State operation failed: the Dapr endpoint indicated a failure. See InnerException for details.",
            new RpcException(new Status(StatusCode.Internal, $"error while executing state transaction: {detail}")));

    private async Task<(T Value, string ETag)> ReadAsync<T>(string key)
    {
        await Task.Yield();
        lock (gate)
        {
            return items.TryGetValue(key, out var item)
                ? (JsonSerializer.Deserialize<T>(item.Json, JsonDefaults.Options)!, item.Version.ToString(CultureInfo.InvariantCulture))
                : (default!, string.Empty);
        }
    }

    private async Task CommitAsync(IReadOnlyList<StateTransactionRequest> operations)
    {
        await Task.Yield();
        lock (gate)
        {
            Attempts++;
        }

        BeforeCommit?.Invoke(operations);
        lock (gate)
        {
            if (operations.Any(IsStale))
            {
                throw Conflict();
            }

            foreach (var op in operations)
            {
                Apply(op);
            }

            Commits++;
        }
    }

    private bool IsStale(StateTransactionRequest op)
    {
        var exists = items.TryGetValue(op.Key, out var current);
        if (op.ETag is not null)
        {
            return !exists || current.Version.ToString(CultureInfo.InvariantCulture) != op.ETag;
        }

        return exists && op.Options?.Concurrency == ConcurrencyMode.FirstWrite;
    }

    private void Apply(StateTransactionRequest op)
    {
        var version = items.TryGetValue(op.Key, out var current) ? current.Version + 1 : 1;
        if (op.OperationType == StateOperationType.Delete)
        {
            items.Remove(op.Key);
        }
        else
        {
            items[op.Key] = (op.Value ?? [], version);
        }
    }
}
