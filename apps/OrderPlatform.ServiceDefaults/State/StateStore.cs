using System.Globalization;
using System.Text.Json;
using Dapr;
using Dapr.Client;
using Grpc.Core;
using Polly;
using Polly.Retry;

namespace OrderPlatform.ServiceDefaults.State;

/// <summary>
/// The one way a service reads and writes its Dapr state store. Every read is strongly consistent and returns the
/// ETag; every write is first-write (an ETag must still match, no ETag means "the key must not exist yet"), carries
/// <c>contentType: application/json</c> (daprd then stores a JSON document the query API can filter, instead of
/// opaque bytes) and, when asked, <c>ttlInSeconds</c>.
/// <para>
/// A lost race is recognised by re-reading the key, never by the error's code or text: stores answer it differently
/// (daprd maps an ETag mismatch of one save to gRPC <c>Aborted</c>, but a transaction's to <c>Internal</c>, and a
/// first-write insert on an existing key in <c>state.postgresql</c> is a unique-constraint error, not an ETag error).
/// A failed write whose keys still hold what the write was decided on was a fault, and its exception is rethrown.
/// </para>
/// </summary>
public sealed class StateStore
{
    private static readonly StateOptions FirstWrite = new() { Consistency = ConsistencyMode.Strong, Concurrency = ConcurrencyMode.FirstWrite };
    private readonly DaprClient dapr;
    private readonly ResiliencePipeline conflictRetry;

    public StateStore(DaprClient dapr, string name, StateStoreOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(dapr);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(options);
        this.dapr = dapr;
        Name = name;
        var pipeline = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.ConflictAttempts > 1)
        {
            pipeline.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<StateConflictException>(),
                MaxRetryAttempts = options.ConflictAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.ConflictDelay,
                MaxDelay = options.ConflictMaxDelay,
            });
        }

        conflictRetry = pipeline.Build();
    }

    /// <summary>The Dapr component name (<c>orders-store</c>, …).</summary>
    public string Name { get; }

    public async Task<Versioned<T>> GetAsync<T>(string key, CancellationToken ct)
    {
        var (value, etag) = await dapr.GetStateAndETagAsync<T>(Name, key, ConsistencyMode.Strong, cancellationToken: ct);
        return new Versioned<T>(value, string.IsNullOrEmpty(etag) ? null : etag);
    }

    /// <summary>The keys' values and ETags in one bulk call; a key that does not exist has neither.</summary>
    public async Task<IReadOnlyDictionary<string, Versioned<T>>> GetManyAsync<T>(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, Versioned<T>>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return result;
        }

        var items = await dapr.GetBulkStateAsync(Name, [.. keys.Distinct(StringComparer.Ordinal)], parallelism: null, cancellationToken: ct);
        foreach (var item in items)
        {
            result[item.Key] = string.IsNullOrEmpty(item.Value)
                ? default
                : new Versioned<T>(JsonSerializer.Deserialize<T>(item.Value, JsonDefaults.Options), string.IsNullOrEmpty(item.ETag) ? null : item.ETag);
        }

        foreach (var key in keys)
        {
            result.TryAdd(key, default);
        }

        return result;
    }

    /// <summary>
    /// Inserts <paramref name="value"/> unless <paramref name="key"/> exists: false when it does. A write whose
    /// reply was lost but that did land also reads as "exists", so callers compare what they find with what they meant.
    /// </summary>
    public Task<bool> TryInsertAsync<T>(string key, T value, CancellationToken ct, TimeSpan? ttl = null) =>
        TrySaveAsync(key, value, etag: null, ct, ttl);

    /// <summary>Saves when the key still has <paramref name="etag"/> (null: when it does not exist); false when it lost that race.</summary>
    public async Task<bool> TrySaveAsync<T>(string key, T value, string? etag, CancellationToken ct, TimeSpan? ttl = null)
    {
        try
        {
            return await dapr.TrySaveStateAsync(Name, key, value, etag ?? string.Empty, FirstWrite, Metadata(ttl), ct);
        }
        catch (Exception ex) when (IsStoreError(ex) && !ct.IsCancellationRequested)
        {
            if (await LostRaceAsync(key, etag, ct))
            {
                return false;
            }

            throw;
        }
    }

    /// <summary>Deletes the key (nothing happens when it does not exist).</summary>
    public Task DeleteAsync(string key, CancellationToken ct) =>
        dapr.DeleteStateAsync(Name, key, cancellationToken: ct);

    /// <summary>Inserts new items in one bulk call (each first-write without ETag: none may exist yet).</summary>
    public Task InsertManyAsync<T>(IReadOnlyList<KeyValuePair<string, T>> items, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(items);
        var saves = items.Select(i => new SaveStateItem<T>(i.Key, i.Value, etag: string.Empty, FirstWrite, Metadata(ttl: null))).ToList();
        return dapr.SaveBulkStateAsync(Name, saves, ct);
    }

    /// <summary>
    /// All the operations or none (a Dapr state transaction). Throws <see cref="StateConflictException"/> when one of
    /// them was decided on a version that is gone; run it inside <see cref="RetryOnConflictAsync{T}"/> to decide again.
    /// </summary>
    public async Task TransactAsync(IReadOnlyList<StateTransactionRequest> operations, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(operations);
        try
        {
            await dapr.ExecuteStateTransactionAsync(Name, operations, cancellationToken: ct);
        }
        catch (Exception ex) when (IsStoreError(ex) && !ct.IsCancellationRequested)
        {
            foreach (var operation in operations.Where(o => o.Options?.Concurrency == ConcurrencyMode.FirstWrite))
            {
                var insert = operation.OperationType == StateOperationType.Upsert && string.IsNullOrEmpty(operation.ETag);
                if ((insert || !string.IsNullOrEmpty(operation.ETag)) && await LostRaceAsync(operation.Key, operation.ETag, ct))
                {
                    throw new StateConflictException($"'{operation.Key}' in {Name} changed before the transaction committed.", ex);
                }
            }

            throw;
        }
    }

    /// <summary>A first-write upsert for <see cref="TransactAsync"/>: null <paramref name="etag"/> inserts, else updates that version.</summary>
    public static StateTransactionRequest Put<T>(string key, T value, string? etag, TimeSpan? ttl = null) =>
        new(key, JsonSerializer.SerializeToUtf8Bytes(value, JsonDefaults.Options), StateOperationType.Upsert,
            string.IsNullOrEmpty(etag) ? null : etag, Metadata(ttl), FirstWrite);

    /// <summary>A first-write delete for <see cref="TransactAsync"/> of the version <paramref name="etag"/>.</summary>
    public static StateTransactionRequest Remove(string key, string etag) =>
        new(key, null, StateOperationType.Delete, etag, metadata: null, FirstWrite);

    /// <summary>Runs a read-decide-write again (jittered, bounded by <c>StateStore:ConflictAttempts</c>) while it loses ETag races.</summary>
    public Task<T> RetryOnConflictAsync<T>(Func<CancellationToken, Task<T>> attempt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return conflictRetry.ExecuteAsync(async token => await attempt(token), ct).AsTask();
    }

    /// <summary>
    /// Reads the key, applies <paramref name="change"/> (its argument is null when the key does not exist; it returns
    /// null when there is nothing to change) and saves at the version read, again while that loses a race.
    /// Returns what is stored afterwards.
    /// </summary>
    public Task<T?> UpdateAsync<T>(string key, Func<T?, T?> change, CancellationToken ct, TimeSpan? ttl = null)
        where T : class =>
        UpdateFromAsync(key, known: null, change, ttl, ct);

    /// <summary>
    /// As <see cref="UpdateAsync{T}(string, Func{T, T}, CancellationToken, TimeSpan?)"/>, starting from a version the caller
    /// has just read (<paramref name="known"/>): the first attempt saves at its ETag without reading the key again; only a
    /// lost race reads it afresh.
    /// </summary>
    public Task<T?> UpdateAsync<T>(string key, Versioned<T> known, Func<T?, T?> change, CancellationToken ct, TimeSpan? ttl = null)
        where T : class =>
        UpdateFromAsync(key, known, change, ttl, ct);

    private Task<T?> UpdateFromAsync<T>(string key, Versioned<T>? known, Func<T?, T?> change, TimeSpan? ttl, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(change);
        return RetryOnConflictAsync(async token =>
        {
            var current = known ?? await GetAsync<T>(key, token);
            known = null;
            var next = change(current.Value);
            if (next is null)
            {
                return current.Value;
            }

            return await TrySaveAsync(key, next, current.ETag, token, ttl)
                ? next
                : throw new StateConflictException($"'{key}' in {Name} changed while it was being updated.");
        }, ct);
    }

    /// <summary>The state query API (alpha) over this store; filter only on fields saved as JSON documents.</summary>
    public Task<StateQueryResponse<T>> QueryAsync<T>(string query, CancellationToken ct) =>
        dapr.QueryStateAsync<T>(Name, query, cancellationToken: ct);

    private static Dictionary<string, string> Metadata(TimeSpan? ttl)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["contentType"] = "application/json" };
        if (ttl is { } keep)
        {
            metadata["ttlInSeconds"] = ((long)Math.Ceiling(keep.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return metadata;
    }

    private static bool IsStoreError(Exception exception) => exception is DaprException or RpcException;

    /// <summary>True when the key no longer holds what a write was decided on: another writer got there first.</summary>
    private async Task<bool> LostRaceAsync(string key, string? expectedEtag, CancellationToken ct)
    {
        var (_, current) = await dapr.GetStateAndETagAsync<JsonElement?>(Name, key, ConsistencyMode.Strong, cancellationToken: ct);
        return string.IsNullOrEmpty(expectedEtag)
            ? !string.IsNullOrEmpty(current)
            : !string.Equals(current, expectedEtag, StringComparison.Ordinal);
    }
}
