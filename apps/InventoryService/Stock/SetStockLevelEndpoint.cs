using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.InventoryService.Storage;

namespace OrderPlatform.InventoryService.Stock;

/// <summary><c>PUT /api/inventory/{productId}</c>: sets the available units (operators, tests); reserved units are kept.</summary>
internal static class SetStockLevelEndpoint
{
    public static async Task<Ok<StockLevel>> HandleAsync(
        string productId, SetStockRequest request, InventoryRepository repository, ILoggerFactory loggers, CancellationToken ct)
    {
        var item = await repository.SetAvailableAsync(productId, request.Available, ct);
        loggers.CreateLogger(typeof(SetStockLevelEndpoint)).LogInformation(
            "Stock of {ProductId} set to {Available} available", productId, item.Available);
        return TypedResults.Ok(item.ToLevel());
    }
}
