using OrderPlatform.Contracts.Inventory;
using OrderPlatform.InventoryService.Reservations;
using OrderPlatform.InventoryService.Storage;

namespace OrderPlatform.InventoryService.Stock;

/// <summary><c>check-stock</c>: a read-only answer; it reserves nothing.</summary>
public sealed class CheckStockHandler(InventoryRepository repository)
{
    public async Task<CheckStockResponse> HandleAsync(CheckStockRequest request, CancellationToken ct)
    {
        var demand = ReservationPlanner.Demand(request.Items);
        var stock = await repository.ReadStocksAsync(demand.Keys, ct);
        var shortages = ReservationPlanner.Shortages(demand, stock.ToDictionary(s => s.Key, s => s.Value.Value));
        return new CheckStockResponse(shortages.Count == 0, shortages);
    }
}
