using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.OrderService.Downstream;
using OrderPlatform.OrderService.Orders;

namespace OrderPlatform.OrderService.Products;

/// <summary>
/// Operators: <c>PUT /api/products/{productId}/stock</c> with <c>{"available": n, "price"?: p, "name"?: s}</c> sets a
/// product's available units (restocking; reserved units are kept, an unknown product is created) and, when given, its
/// catalogue price and name, through inventory-service's <c>PUT api/inventory/{productId}</c> (which answers only
/// order-service through Dapr). The body is validated here with inventory's own rules (400 naming the field before
/// anything is sent); a rule only inventory can check (a name for a product without a price) comes back as its 400.
/// Setting is idempotent, so after a 503 the same request can simply be sent again.
/// </summary>
internal static class SetProductStockEndpoint
{
    public static async Task<Results<Ok<StockLevel>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string productId, SetStockRequest request, InventoryClient inventory, HttpResponse response, ILogger<InventoryClient> logger, CancellationToken ct)
    {
        try
        {
            var update = await inventory.SetStockAsync(productId, request, ct);
            if (update.Errors is { } errors)
            {
                return TypedResults.ValidationProblem(errors);
            }

            logger.LogInformation("An operator set the stock of {ProductId} to {Available} available", productId, update.Level!.Available);
            return TypedResults.Ok(update.Level);
        }
        catch (Exception ex) when (HttpJson.IsUnreachable(ex, ct))
        {
            logger.LogWarning(ex, "inventory-service could not set the stock of {ProductId}", productId);
            return ApiProblems.CatalogueUnavailable(response, "inventory-service could not be reached; the stock may not be set. Send the same request again later.");
        }
    }
}
