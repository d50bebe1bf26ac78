using System.Text.Json;
using Dapr.Client;
using OrderPlatform.ServiceDefaults.State;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.InventoryService.Reservations;
using OrderPlatform.InventoryService.Stock;

namespace OrderPlatform.InventoryService.Storage;

/// <summary>Reserve and release: all-or-nothing, idempotent by reservation id, never overselling.</summary>
public sealed partial class InventoryRepository
{
    public Task<ReservationResult> ReserveAsync(ReserveStockRequest request, CancellationToken ct) =>
        store.RetryOnConflictAsync(token => TryReserveAsync(request, token), ct);

    public Task<ReservationResult> ReleaseAsync(string reservationId, CancellationToken ct) =>
        store.RetryOnConflictAsync(token => TryReleaseAsync(reservationId, token), ct);

    private async Task<ReservationResult> TryReserveAsync(ReserveStockRequest request, CancellationToken ct)
    {
        var key = StateKeys.Reservation(request.ReservationId);
        var demand = ReservationPlanner.Demand(request.Items);
        // The reservation and its products' stock in one bulk read: a first reserve needs both, a repeat only the record.
        var found = await store.GetManyAsync<JsonElement>([key, .. demand.Keys.Select(StateKeys.Stock)], ct);
        if (Typed<ReservationRecord>(found[key]).Value is { } first)
        {
            return first.ToResult();
        }

        var stock = demand.Keys.ToDictionary(id => id, id => Typed<StockItem>(found[StateKeys.Stock(id)]), StringComparer.Ordinal);
        var shortages = ReservationPlanner.Shortages(demand, stock.ToDictionary(s => s.Key, s => s.Value.Value));
        var status = shortages.Count == 0 ? ReservationStatus.Reserved : ReservationStatus.Rejected;
        var record = new ReservationRecord(
            request.ReservationId, request.OrderId, request.Items, status, shortages, time.GetUtcNow());

        var operations = new List<StateTransactionRequest>();
        if (status == ReservationStatus.Reserved)
        {
            operations.AddRange(demand.Select(d =>
                StateStore.Put(StateKeys.Stock(d.Key), Take(stock[d.Key].Value!, d.Value), stock[d.Key].ETag)));
        }

        operations.Add(StateStore.Put(key, record, etag: null));
        await store.TransactAsync(operations, ct);
        return record.ToResult();
    }

    private async Task<ReservationResult> TryReleaseAsync(string reservationId, CancellationToken ct)
    {
        var key = StateKeys.Reservation(reservationId);
        var current = await store.GetAsync<ReservationRecord>(key, ct);
        if (current.Value is not { Status: ReservationStatus.Reserved } reserved)
        {
            // Unknown → NotFound; Released stays Released; Rejected held no stock, so nothing changes; Committed units
            // have shipped, so they are never given back.
            return current.Value?.ToResult() ?? new ReservationResult(reservationId, ReservationStatus.NotFound, []);
        }

        var demand = ReservationPlanner.Demand(reserved.Items);
        var stock = await ReadStocksAsync(demand.Keys, ct);
        var operations = demand.Select(d => StateStore.Put(StateKeys.Stock(d.Key), Restock(d.Key, d.Value, stock[d.Key].Value), stock[d.Key].ETag)).ToList();
        var released = reserved with { Status = ReservationStatus.Released, ReleasedAt = time.GetUtcNow() };
        operations.Add(StateStore.Put(key, released, current.ETag));
        await store.TransactAsync(operations, ct);
        return released.ToResult();
    }

    private static StockItem Take(StockItem item, int quantity) =>
        item with { Available = item.Available - quantity, Reserved = item.Reserved + quantity };

    private static StockItem Restock(string productId, int quantity, StockItem? item) => item is null
        ? new StockItem(productId, quantity, 0)
        : item with { Available = item.Available + quantity, Reserved = Math.Max(0, item.Reserved - quantity) };
}
