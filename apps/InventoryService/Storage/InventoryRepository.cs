using Dapr;
using Dapr.Client;
using Microsoft.Extensions.Options;
using OrderPlatform.Contracts;
using OrderPlatform.InventoryService.Configuration;
using OrderPlatform.InventoryService.Stock;
using OrderPlatform.ServiceDefaults;
using Polly;

namespace OrderPlatform.InventoryService.Storage;

/// <summary>
/// The one class that reads and writes <c>inventory-store</c>. Every change is a Dapr state transaction whose writes
/// carry the ETags they were decided on (first-write), so of two racing writers one loses with an ETag conflict; the
/// loser re-reads and decides again inside <see cref="ConflictRetry"/> (the only retry in the service).
/// </summary>
public sealed partial class InventoryRepository(DaprClient dapr, IOptions<InventoryOptions> options, TimeProvider time)
{
    private readonly ResiliencePipeline retry = ConflictRetry.Create(options.Value, time);

    public async Task<StockItem?> GetStockAsync(string productId, CancellationToken ct) =>
        (await ReadAsync<StockItem>(StateKeys.Stock(productId), ct)).Value;

    public async Task<IReadOnlyDictionary<string, Versioned<StockItem>>> ReadStocksAsync(
        IEnumerable<string> productIds, CancellationToken ct)
    {
        var result = new Dictionary<string, Versioned<StockItem>>(StringComparer.Ordinal);
        foreach (var productId in productIds)
        {
            result[productId] = await ReadAsync<StockItem>(StateKeys.Stock(productId), ct);
        }

        return result;
    }

    /// <summary>Sets the available units (operators, tests); reserved units are kept.</summary>
    public Task<StockItem> SetAvailableAsync(string productId, int available, CancellationToken ct) =>
        retry.ExecuteAsync(async token =>
        {
            var current = await ReadAsync<StockItem>(StateKeys.Stock(productId), token);
            var next = new StockItem(productId, available, current.Value?.Reserved ?? 0);
            await CommitAsync([Upsert(StateKeys.Stock(productId), next, current.ETag)], token);
            return next;
        }, ct).AsTask();

    /// <summary>Inserts the product with first-write; false when it already exists (live stock is never overwritten).</summary>
    public async Task<bool> SeedAsync(string productId, int quantity, CancellationToken ct)
    {
        var key = StateKeys.Stock(productId);
        if ((await ReadAsync<StockItem>(key, ct)).Value is not null)
        {
            return false;
        }

        try
        {
            await CommitAsync([Upsert(key, new StockItem(productId, quantity, 0), etag: null)], ct);
            return true;
        }
        catch (DaprException) when (!ct.IsCancellationRequested)
        {
            // Lost an insert race (another replica seeded first) unless the key is still missing.
            if ((await ReadAsync<StockItem>(key, ct)).Value is not null)
            {
                return false;
            }

            throw;
        }
    }

    private async Task<Versioned<T>> ReadAsync<T>(string key, CancellationToken ct)
    {
        var (value, etag) = await dapr.GetStateAndETagAsync<T>(Components.InventoryStore, key, cancellationToken: ct);
        return new Versioned<T>(value, string.IsNullOrEmpty(etag) ? null : etag);
    }

    private Task CommitAsync(IReadOnlyList<StateTransactionRequest> operations, CancellationToken ct) =>
        dapr.ExecuteStateTransactionAsync(Components.InventoryStore, operations, cancellationToken: ct);

    private static StateTransactionRequest Upsert<T>(string key, T value, string? etag) =>
        DaprStateConcurrency.Upsert(key, value, etag, JsonDefaults.Options);
}
