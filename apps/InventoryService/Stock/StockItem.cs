using OrderPlatform.Contracts.Inventory;

namespace OrderPlatform.InventoryService.Stock;

/// <summary>Stock of one product, stored as <c>stock-{productId}</c> in <c>inventory-store</c>.</summary>
public sealed record StockItem(string ProductId, int Available, int Reserved)
{
    public StockLevel ToLevel() => new(ProductId, Available, Reserved);
}

/// <summary>
/// The catalogue entry of one product (name, unit price; order-service prices orders with it), stored as
/// <c>product-{productId}</c> apart from the stock: stock changes in state transactions, which daprd passes to the
/// store as opaque bytes, while this document is only ever saved with <c>contentType: application/json</c>, so the
/// state query can list it (<see cref="Kind"/> keeps reservations and stock out). A product without one cannot be sold.
/// </summary>
public sealed record CatalogueEntry(string ProductId, string Name, decimal Price)
{
    public const string DocumentKind = "product";

    public string Kind { get; init; } = DocumentKind;

    public CatalogueProduct ToContract() => new(ProductId, Name, Price);
}
