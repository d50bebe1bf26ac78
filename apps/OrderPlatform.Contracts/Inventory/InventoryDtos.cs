using System.Text.Json.Serialization;

namespace OrderPlatform.Contracts.Inventory;

public sealed record StockLine(string ProductId, int Quantity);

public sealed record StockShortage(string ProductId, int Requested, int Available);

/// <summary>Body of inventory-service <c>check-stock</c>.</summary>
public sealed record CheckStockRequest(IReadOnlyList<StockLine> Items);

/// <summary>
/// Answer of <c>check-stock</c>. <paramref name="UnknownProducts"/>: the requested products inventory keeps no stock record
/// for at all (they are also listed as shortages with 0 available); null from an inventory-service that predates it.
/// <paramref name="Products"/>: the catalogue entry (name, price) of each requested product that has a price; a known
/// product missing here has none and cannot be sold. Null from an inventory-service that predates prices.
/// </summary>
public sealed record CheckStockResponse(
    bool Available,
    IReadOnlyList<StockShortage> Shortages,
    IReadOnlyList<string>? UnknownProducts = null,
    IReadOnlyList<CatalogueProduct>? Products = null);

/// <summary>One product of inventory-service's catalogue: its name and its unit price (in the platform's currency).</summary>
public sealed record CatalogueProduct(string ProductId, string Name, decimal UnitPrice);

/// <summary>One page of the catalogue (<c>GET products</c>); <paramref name="ContinuationToken"/> is null on the last page.</summary>
public sealed record CataloguePage(IReadOnlyList<CatalogueProduct> Items, string? ContinuationToken);

/// <summary>Body of inventory-service <c>reserve</c>; idempotent by <paramref name="ReservationId"/>.</summary>
public sealed record ReserveStockRequest(string ReservationId, string OrderId, IReadOnlyList<StockLine> Items);

/// <summary>Body of inventory-service <c>release</c>; idempotent.</summary>
public sealed record ReleaseStockRequest(string ReservationId);

/// <summary>
/// Body of inventory-service <c>commit</c>: the order shipped, so its reserved units leave the warehouse; idempotent.
/// <paramref name="ProductIds"/> (optional): the reservation's products when the caller knows them, so their stock is
/// read with the reservation in one call; the reservation's own items decide what is committed.
/// </summary>
public sealed record CommitStockRequest(string ReservationId, IReadOnlyList<string>? ProductIds = null);

public enum ReservationStatus
{
    Reserved,
    Rejected,
    Released,
    NotFound,

    /// <summary>The reserved units were consumed (shipped); a committed reservation is never released.</summary>
    Committed,
}

/// <summary>Outcome of reserve/release/commit. A business refusal (not enough stock) is a 200 with status Rejected.</summary>
public sealed record ReservationResult(string ReservationId, ReservationStatus Status, IReadOnlyList<StockShortage> Shortages);

/// <summary>Body of <c>GET /api/inventory/{productId}</c>.</summary>
public sealed record StockLevel(string ProductId, int Available, int Reserved);

/// <summary>
/// Body of inventory-service <c>PUT /api/inventory/{productId}</c> (relayed by order-service's operator route
/// <c>PUT /api/products/{productId}/stock</c>): the units available for sale and, optionally, the catalogue price and
/// name (kept as they are when absent; a name needs a price on a product that has none). <c>available</c> is required,
/// and an unknown member is refused (<c>{"quantity":5}</c> once set the stock to 0).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SetStockRequest(int Available, decimal? Price = null, string? Name = null);
