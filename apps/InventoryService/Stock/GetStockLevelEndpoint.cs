using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.InventoryService.Storage;

namespace OrderPlatform.InventoryService.Stock;

/// <summary><c>GET /api/inventory/{productId}</c>: one product's level; 404 when no stock is kept for it.</summary>
internal static class GetStockLevelEndpoint
{
    public static async Task<Results<Ok<StockLevel>, ProblemHttpResult>> HandleAsync(
        string productId, InventoryRepository repository, CancellationToken ct) =>
        await repository.GetStockAsync(productId, ct) is { } item
            ? TypedResults.Ok(item.ToLevel())
            : TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Unknown product",
                detail: $"No stock is kept for product '{productId}'.");
}
