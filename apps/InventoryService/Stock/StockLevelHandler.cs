using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.InventoryService.Storage;
using OrderPlatform.ServiceDefaults.Validation;

namespace OrderPlatform.InventoryService.Stock;

/// <summary>Operator view of one product: read its level, or set its available units.</summary>
public sealed class StockLevelHandler(InventoryRepository repository, ILogger<StockLevelHandler> logger)
{
    public async Task<Results<Ok<StockLevel>, ProblemHttpResult>> GetAsync(string productId, CancellationToken ct) =>
        await repository.GetStockAsync(productId, ct) is { } item
            ? TypedResults.Ok(item.ToLevel())
            : TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Unknown product",
                detail: $"No stock is kept for product '{productId}'.");

    public async Task<Results<Ok<StockLevel>, ValidationProblem>> SetAsync(
        string productId, SetStockRequest request, CancellationToken ct)
    {
        if (!Identifiers.IsValid(productId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["productId"] = [Identifiers.Message.Replace("{PropertyName}", "productId", StringComparison.Ordinal)],
            });
        }

        var item = await repository.SetAvailableAsync(productId, request.Available, ct);
        logger.LogInformation("Stock of {ProductId} set to {Available} available", productId, item.Available);
        return TypedResults.Ok(item.ToLevel());
    }
}
