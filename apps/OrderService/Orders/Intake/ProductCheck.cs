using OrderPlatform.Contracts.Inventory;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Downstream;
using OrderPlatform.ServiceDefaults.Validation;

namespace OrderPlatform.OrderService.Orders.Intake;

/// <summary>
/// Before an order is stored: the catalogue entry (name, price) of each of its products, asked of inventory-service's
/// <c>check-stock</c>; a product inventory does not know, or knows without a price, cannot be ordered. Stock levels are
/// not judged here (they change; shortages are the workflow's call). Without an answer the order cannot be priced, so
/// nothing is stored: <see cref="CatalogueUnavailableException"/> (a 503 for the client to retry).
/// </summary>
public sealed class ProductCheck(InventoryClient inventory, ILogger<ProductCheck> logger)
{
    /// <summary>check-stock takes at most 100 lines per call.</summary>
    public const int MaxLinesPerCall = 100;

    public async Task<Catalogue> PriceAsync(IEnumerable<string> productIds, CancellationToken ct)
    {
        var distinct = productIds.Distinct(StringComparer.Ordinal).ToList();
        var unknown = distinct.Where(id => !Identifiers.IsValid(id)).ToHashSet(StringComparer.Ordinal);
        var prices = new Dictionary<string, CatalogueProduct>(StringComparer.Ordinal);
        try
        {
            foreach (var chunk in distinct.Where(Identifiers.IsValid).Chunk(MaxLinesPerCall))
            {
                var answer = await inventory.CheckStockAsync(new CheckStockRequest([.. chunk.Select(id => new StockLine(id, 1))]), ct);
                // An inventory-service that predates prices answers no products at all: nothing can be priced.
                if (answer.Products is null)
                {
                    throw new CatalogueUnavailableException("inventory-service answered check-stock without catalogue prices.");
                }

                unknown.UnionWith(answer.UnknownProducts ?? []);
                foreach (var product in answer.Products)
                {
                    prices[product.ProductId] = product;
                }
            }
        }
        catch (Exception ex) when (HttpJson.IsUnreachable(ex, ct))
        {
            logger.LogWarning(ex, "inventory-service could not price {Count} product(s); the order is refused with 503", distinct.Count);
            throw new CatalogueUnavailableException("inventory-service could not be asked for catalogue prices.", ex);
        }

        return new Catalogue(unknown, prices);
    }

    /// <summary>
    /// <c>items[i].productId</c> errors for each line of <paramref name="request"/> whose product is unknown or has no
    /// price; empty when every line can be priced.
    /// </summary>
    public static Dictionary<string, string[]> Errors(CreateOrderRequest request, Catalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(catalogue);
        return request.Items
            .Select((item, index) => (item.ProductId, Index: index))
            .Where(line => !catalogue.Prices.ContainsKey(line.ProductId))
            .ToDictionary(
                line => $"items[{line.Index}].productId",
                line => new[]
                {
                    catalogue.Unknown.Contains(line.ProductId)
                        ? $"Product '{line.ProductId}' does not exist."
                        : $"Product '{line.ProductId}' has no catalogue price and cannot be ordered.",
                });
    }
}

/// <summary>What inventory-service answered for a set of products: the unknown ones, and the catalogue entry of each priced one.</summary>
public sealed record Catalogue(IReadOnlySet<string> Unknown, IReadOnlyDictionary<string, CatalogueProduct> Prices)
{
    /// <summary>The request's lines at catalogue prices (a client's <c>unitPrice</c> is ignored); every product must be priced.</summary>
    public IReadOnlyList<OrderItem> Price(IEnumerable<OrderItem> items) =>
        [.. items.Select(i => i with { UnitPrice = Prices[i.ProductId].UnitPrice })];
}

/// <summary>inventory-service could not price the order's products: nothing is stored; the client retries.</summary>
public sealed class CatalogueUnavailableException : Exception
{
    public CatalogueUnavailableException()
    {
    }

    public CatalogueUnavailableException(string message)
        : base(message)
    {
    }

    public CatalogueUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
