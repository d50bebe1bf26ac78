using System.Text.Json.Serialization;
using OrderPlatform.Contracts.Inventory;

namespace OrderPlatform.InventoryService.Stock;

/// <summary>Stock of one product, stored as <c>stock-{productId}</c> in <c>inventory-store</c>.</summary>
public sealed record StockItem(string ProductId, int Available, int Reserved)
{
    public StockLevel ToLevel() => new(ProductId, Available, Reserved);
}

/// <summary>
/// Body of <c>PUT /api/inventory/{productId}</c>: the units available for sale. <c>available</c> is required, and an
/// unknown member is refused (<c>{"quantity":5}</c> once set the stock to 0).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SetStockRequest(int Available);
