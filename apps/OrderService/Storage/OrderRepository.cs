using OrderPlatform.ServiceDefaults.State;

namespace OrderPlatform.OrderService.Storage;

/// <summary>Order documents in <c>orders-store</c> (<see cref="StateKeys.Order"/>), through the kit's <see cref="StateStore"/>.</summary>
public sealed class OrderRepository(StateStore store)
{
    /// <summary>The order, or null when there is none (an id that cannot be an order's key has none).</summary>
    public async Task<StoredOrder?> GetAsync(string orderId, CancellationToken ct = default) =>
        StateKeys.IsOrderId(orderId) ? (await store.GetAsync<StoredOrder>(StateKeys.Order(orderId), ct)).Value : null;

    /// <summary>Saves a new order; false when an order with that id already exists.</summary>
    public Task<bool> TryInsertAsync(StoredOrder order, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        return store.TryInsertAsync(StateKeys.Order(order.OrderId), order, ct);
    }

    /// <summary>Saves new orders in one bulk call, each insert-only.</summary>
    public Task InsertManyAsync(IReadOnlyList<StoredOrder> orders, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(orders);
        return store.InsertManyAsync([.. orders.Select(o => KeyValuePair.Create(StateKeys.Order(o.OrderId), o))], ct);
    }

    /// <summary>The orders stored under <paramref name="orderIds"/> (ids without an order are left out).</summary>
    public async Task<IReadOnlyDictionary<string, StoredOrder>> GetManyAsync(IReadOnlyList<string> orderIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(orderIds);
        var found = await store.GetManyAsync<StoredOrder>([.. orderIds.Select(StateKeys.Order)], ct);
        return orderIds
            .Where(id => found[StateKeys.Order(id)].Value is not null)
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(id => id, id => found[StateKeys.Order(id)].Value!, StringComparer.Ordinal);
    }

    /// <summary>
    /// A first-write marker (insert-only, expiring after <paramref name="ttl"/>): true for the one caller that wrote it,
    /// so an action taken by several replicas happens once.
    /// </summary>
    public Task<bool> TryClaimAsync(string key, string claimedBy, TimeSpan ttl, CancellationToken ct = default) =>
        store.TryInsertAsync(key, new ClaimMarker("claim", claimedBy), ct, ttl);

    /// <summary>
    /// Applies <paramref name="change"/> (null = nothing to change) to the order at the version read, reading and
    /// applying again while that loses an ETag race (<c>StateStore:ConflictAttempts</c>); returns the order afterwards.
    /// A missing order changes nothing, so the store answers null: that is the one place it is reported.
    /// </summary>
    public async Task<StoredOrder> UpdateAsync(string orderId, Func<StoredOrder, StoredOrder?> change, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return await store.UpdateAsync<StoredOrder>(
            StateKeys.Order(orderId),
            order => order is null ? null : change(order),
            ct) ?? throw new KeyNotFoundException($"Order '{orderId}' does not exist.");
    }

    /// <summary>The order with the ETag it was read at (neither when there is none).</summary>
    public Task<Versioned<StoredOrder>> ReadAsync(string orderId, CancellationToken ct = default) =>
        store.GetAsync<StoredOrder>(StateKeys.Order(orderId), ct);

    /// <summary>
    /// As <see cref="UpdateAsync(string, Func{StoredOrder, StoredOrder}, CancellationToken)"/>, starting from the version
    /// <paramref name="known"/> just read: no second read before the write unless that version lost a race.
    /// </summary>
    public async Task<StoredOrder> UpdateAsync(string orderId, Versioned<StoredOrder> known, Func<StoredOrder, StoredOrder?> change, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return await store.UpdateAsync<StoredOrder>(
            StateKeys.Order(orderId),
            known,
            order => order is null ? null : change(order),
            ct) ?? throw new KeyNotFoundException($"Order '{orderId}' does not exist.");
    }

    /// <summary>One page of the state query <paramref name="query"/> (order documents only: see <c>OrderStateQuery</c>).</summary>
    public async Task<(IReadOnlyList<StoredOrder> Orders, string? Token)> QueryAsync(string query, CancellationToken ct = default)
    {
        var response = await store.QueryAsync<StoredOrder>(query, ct);
        var orders = response.Results.Select(r => r.Data).OfType<StoredOrder>().Where(o => o.Kind == StoredOrder.DocumentKind).ToList();
        return (orders, string.IsNullOrEmpty(response.Token) ? null : response.Token);
    }
}

/// <summary>The document behind <see cref="OrderRepository.TryClaimAsync"/> (its <c>kind</c> keeps it out of order queries).</summary>
public sealed record ClaimMarker(string Kind, string ClaimedBy);
