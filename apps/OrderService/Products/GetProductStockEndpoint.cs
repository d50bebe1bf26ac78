using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.OrderService.Downstream;
using OrderPlatform.OrderService.Orders;

namespace OrderPlatform.OrderService.Products;

/// <summary>
/// Operators: <c>GET /api/products/{productId}/stock</c>, a product's available and reserved units, read from
/// inventory-service (<c>GET api/inventory/{productId}</c>, which answers only order-service through Dapr). 404 when
/// inventory keeps no stock for it, 503 when inventory cannot answer.
/// </summary>
internal static class GetProductStockEndpoint
{
    public static async Task<Results<Ok<StockLevel>, ProblemHttpResult>> HandleAsync(
        string productId, InventoryClient inventory, HttpResponse response, ILogger<InventoryClient> logger, CancellationToken ct)
    {
        try
        {
            return await inventory.GetStockAsync(productId, ct) is { } level ? TypedResults.Ok(level) : ProductStock.Unknown(productId);
        }
        catch (Exception ex) when (HttpJson.IsUnreachable(ex, ct))
        {
            logger.LogWarning(ex, "inventory-service could not read the stock of {ProductId}", productId);
            return ApiProblems.CatalogueUnavailable(response, "inventory-service could not be reached. Retry later.");
        }
    }
}

/// <summary>What the two stock routes share: the unknown-product answer.</summary>
internal static class ProductStock
{
    public static ProblemHttpResult Unknown(string productId) =>
        TypedResults.Problem($"No stock is kept for product '{productId}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown product");
}
