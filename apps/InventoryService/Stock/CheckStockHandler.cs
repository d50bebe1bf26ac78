using OrderPlatform.Contracts.Inventory;
using OrderPlatform.InventoryService.Reservations;
using OrderPlatform.InventoryService.Storage;

namespace OrderPlatform.InventoryService.Stock;

/// <summary><c>check-stock</c>: a read-only answer (shortages, the products with no stock record, and the catalogue entry (name, price) of each priced one); it reserves nothing.</summary>
public sealed class CheckStockHandler(InventoryRepository repository)
{
    public async Task<CheckStockResponse> HandleAsync(CheckStockRequest request, CancellationToken ct)
    {
        var demand = ReservationPlanner.Demand(request.Items);
        var (stock, catalogue) = await repository.ReadStocksAndCatalogueAsync([.. demand.Keys], ct);
        var shortages = ReservationPlanner.Shortages(demand, stock.ToDictionary(s => s.Key, s => s.Value.Value));
        var unknown = stock.Where(s => s.Value.Value is null).Select(s => s.Key).ToList();
        return new CheckStockResponse(shortages.Count == 0, shortages, unknown, [.. catalogue.Select(c => c.ToContract())]);
    }
}
