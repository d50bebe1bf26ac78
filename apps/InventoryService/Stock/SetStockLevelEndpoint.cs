using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.InventoryService.Storage;

namespace OrderPlatform.InventoryService.Stock;

/// <summary>
/// <c>PUT /api/inventory/{productId}</c>: sets the available units (operators, tests), and the catalogue price and name
/// when given; reserved units are kept.
/// </summary>
internal static class SetStockLevelEndpoint
{
    public static async Task<Results<Ok<StockLevel>, ValidationProblem>> HandleAsync(
        string productId, SetStockRequest request, InventoryRepository repository, ILoggerFactory loggers, CancellationToken ct)
    {
        if (request.Price is not null || request.Name is not null)
        {
            try
            {
                await repository.SetCatalogueAsync(productId, request.Name, request.Price, ct);
            }
            catch (InvalidOperationException ex)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["price"] = [ex.Message] });
            }
        }

        var item = await repository.SetAvailableAsync(productId, request.Available, ct);
        loggers.CreateLogger(typeof(SetStockLevelEndpoint)).LogInformation(
            "Stock of {ProductId} set to {Available} available (price {Price})", productId, item.Available,
            request.Price?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unchanged");
        return TypedResults.Ok(item.ToLevel());
    }
}
