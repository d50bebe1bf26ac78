using OrderPlatform.Contracts.Inventory;
using OrderPlatform.InventoryService.Stock;

namespace OrderPlatform.InventoryService.Reservations;

/// <summary>Pure stock arithmetic shared by check-stock and reserve.</summary>
public static class ReservationPlanner
{
    /// <summary>Units wanted per product; repeated lines of a product add up.</summary>
    public static IReadOnlyDictionary<string, int> Demand(IEnumerable<StockLine> items) =>
        items.GroupBy(i => i.ProductId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(i => i.Quantity), StringComparer.Ordinal);

    /// <summary>Products whose available units fall short of the demand; an unknown product has 0 available.</summary>
    public static IReadOnlyList<StockShortage> Shortages(
        IReadOnlyDictionary<string, int> demand, IReadOnlyDictionary<string, StockItem?> stock) =>
        [.. demand
            .Select(d => new StockShortage(d.Key, d.Value, stock.GetValueOrDefault(d.Key)?.Available ?? 0))
            .Where(s => s.Available < s.Requested)];
}
