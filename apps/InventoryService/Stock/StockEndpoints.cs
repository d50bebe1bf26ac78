using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.ServiceDefaults.Validation;

namespace OrderPlatform.InventoryService.Stock;

public static class StockEndpoints
{
    public static IEndpointRouteBuilder MapStockEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost($"/{InventoryMethods.CheckStock}",
                (CheckStockRequest request, CheckStockHandler handler, CancellationToken ct) => handler.HandleAsync(request, ct))
            .Validate<CheckStockRequest>()
            .WithName("CheckStock");

        var api = app.MapGroup("/api/inventory").WithTags("Inventory");
        api.MapGet("/{productId}",
                (string productId, StockLevelHandler handler, CancellationToken ct) => handler.GetAsync(productId, ct))
            .WithName("GetStockLevel");
        api.MapPut("/{productId}",
                (string productId, SetStockRequest request, StockLevelHandler handler, CancellationToken ct) =>
                    handler.SetAsync(productId, request, ct))
            .Validate<SetStockRequest>()
            .WithName("SetStockLevel");
        return app;
    }
}
