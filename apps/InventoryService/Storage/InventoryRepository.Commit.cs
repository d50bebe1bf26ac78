using System.Text.Json;
using Dapr.Client;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.InventoryService.Reservations;
using OrderPlatform.InventoryService.Stock;
using OrderPlatform.ServiceDefaults.State;

namespace OrderPlatform.InventoryService.Storage;

/// <summary>Commit: a shipped order's reserved units leave the warehouse, once.</summary>
public sealed partial class InventoryRepository
{
    /// <summary>
    /// Reserved → Committed, each product's <c>reserved</c> dropping by its quantity (<c>available</c> is unchanged: the
    /// units were taken from it at reserve time). Idempotent: any other status (Committed, Released, Rejected) is
    /// answered as it is with no stock change; an unknown id is NotFound.
    /// </summary>
    public Task<ReservationResult> CommitReservationAsync(string reservationId, IReadOnlyList<string> productIds, CancellationToken ct) =>
        store.RetryOnConflictAsync(token => TryCommitAsync(reservationId, productIds, token), ct);

    /// <summary>
    /// The reservation and the stock of <paramref name="productIds"/> (the caller's hint of its products) in one bulk
    /// read; stock of a reserved product the hint left out is read after it.
    /// </summary>
    private async Task<ReservationResult> TryCommitAsync(string reservationId, IReadOnlyList<string> productIds, CancellationToken ct)
    {
        var key = StateKeys.Reservation(reservationId);
        var hinted = productIds.Distinct(StringComparer.Ordinal).ToList();
        var found = await store.GetManyAsync<JsonElement>([key, .. hinted.Select(StateKeys.Stock)], ct);
        var current = Typed<ReservationRecord>(found[key]);
        if (current.Value is not { Status: ReservationStatus.Reserved } reserved)
        {
            return current.Value?.ToResult() ?? new ReservationResult(reservationId, ReservationStatus.NotFound, []);
        }

        var demand = ReservationPlanner.Demand(reserved.Items);
        var stock = demand.Keys.All(hinted.Contains)
            ? demand.Keys.ToDictionary(id => id, id => Typed<StockItem>(found[StateKeys.Stock(id)]), StringComparer.Ordinal)
            : await ReadStocksAsync(demand.Keys, ct);
        var operations = demand
            .Select(d => StateStore.Put(StateKeys.Stock(d.Key), Consume(d.Key, d.Value, stock[d.Key].Value), stock[d.Key].ETag))
            .ToList();
        var committed = reserved with { Status = ReservationStatus.Committed, CommittedAt = time.GetUtcNow() };
        operations.Add(StateStore.Put(key, committed, current.ETag));
        await store.TransactAsync(operations, ct);
        return committed.ToResult();
    }

    /// <summary>The reserved units are gone; a product whose record vanished is recreated empty rather than negative.</summary>
    private static StockItem Consume(string productId, int quantity, StockItem? item) => item is null
        ? new StockItem(productId, 0, 0)
        : item with { Reserved = Math.Max(0, item.Reserved - quantity) };
}
