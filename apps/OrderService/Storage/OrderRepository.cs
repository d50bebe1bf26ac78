using System.Text.Json;
using Dapr.Client;
using OrderPlatform.Contracts;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.OrderService.Storage;

/// <summary>Order documents in <c>orders-store</c>, keyed by order id.</summary>
public sealed class OrderRepository(DaprClient dapr)
{
    /// <summary>How many times an update re-reads and re-applies its change after an ETag conflict.</summary>
    public const int MaxEtagAttempts = 5;

    public Task<StoredOrder?> GetAsync(string orderId, CancellationToken ct = default) =>
        dapr.GetStateAsync<StoredOrder?>(Components.OrdersStore, orderId, ConsistencyMode.Strong, cancellationToken: ct);

    /// <summary>Saves a new order; false when an order with that id already exists.</summary>
    public Task<bool> TryInsertAsync(StoredOrder order, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        return FirstWriteState.TryInsertAsync(dapr, order.OrderId, order, ct);
    }

    /// <summary>Saves new orders in one bulk call, each insert-only (first-write, no ETag) and strongly consistent.</summary>
    public Task InsertManyAsync(IReadOnlyList<StoredOrder> orders, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var items = orders
            .Select(o => new SaveStateItem<StoredOrder>(o.OrderId, o, etag: string.Empty, FirstWriteState.Options, metadata: null))
            .ToList();
        return dapr.SaveBulkStateAsync(Components.OrdersStore, items, ct);
    }

    /// <summary>The orders stored under <paramref name="orderIds"/> (ids without an order are left out).</summary>
    public async Task<IReadOnlyDictionary<string, StoredOrder>> GetManyAsync(IReadOnlyList<string> orderIds, CancellationToken ct = default)
    {
        if (orderIds.Count == 0)
        {
            return new Dictionary<string, StoredOrder>();
        }

        var found = await dapr.GetBulkStateAsync(Components.OrdersStore, orderIds, parallelism: null, cancellationToken: ct);
        return found.Where(i => !string.IsNullOrEmpty(i.Value))
            .ToDictionary(i => i.Key, i => JsonSerializer.Deserialize<StoredOrder>(i.Value, JsonDefaults.Options)!, StringComparer.Ordinal);
    }

    /// <summary>One page of a state query over order documents (other documents left out) and the next page's token.</summary>
    public async Task<(IReadOnlyList<StoredOrder> Orders, string? Token)> QueryAsync(string query, CancellationToken ct = default)
    {
        var response = await dapr.QueryStateAsync<StoredOrder>(Components.OrdersStore, query, cancellationToken: ct);
        var orders = response.Results.Select(r => r.Data).OfType<StoredOrder>().Where(o => o.Kind == StoredOrder.DocumentKind).ToList();
        return (orders, string.IsNullOrEmpty(response.Token) ? null : response.Token);
    }

    /// <summary>
    /// A first-write marker (insert-only, expiring after <paramref name="ttl"/>): true for the one caller that wrote it,
    /// so an action taken by several replicas happens once.
    /// </summary>
    public Task<bool> TryClaimAsync(string key, string claimedBy, TimeSpan ttl, CancellationToken ct = default) =>
        FirstWriteState.TryInsertAsync(dapr, key, new ClaimMarker("claim", claimedBy), ct, ttl);

    /// <summary>
    /// Reads the order with its ETag, applies <paramref name="change"/> (null = nothing to change) and saves with that
    /// ETag; on an ETag conflict re-reads and re-applies, up to <see cref="MaxEtagAttempts"/> times.
    /// </summary>
    public async Task<StoredOrder> UpdateAsync(string orderId, Func<StoredOrder, StoredOrder?> change, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            var (order, etag) = await dapr.GetStateAndETagAsync<StoredOrder?>(Components.OrdersStore, orderId, ConsistencyMode.Strong, cancellationToken: ct);
            if (order is null)
            {
                throw new KeyNotFoundException($"Order '{orderId}' does not exist.");
            }

            var updated = change(order);
            if (updated is null || await FirstWriteState.TrySaveAsync(dapr, orderId, updated, etag, ct))
            {
                return updated ?? order;
            }

            if (attempt == MaxEtagAttempts)
            {
                throw new InvalidOperationException($"Order '{orderId}' kept changing: {MaxEtagAttempts} ETag conflicts in a row.");
            }
        }
    }
}

/// <summary>The document behind <see cref="OrderRepository.TryClaimAsync"/> (its <c>kind</c> keeps it out of order queries).</summary>
public sealed record ClaimMarker(string Kind, string ClaimedBy);
