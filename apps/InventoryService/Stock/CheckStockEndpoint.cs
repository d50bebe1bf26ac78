using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Contracts.Inventory;

namespace OrderPlatform.InventoryService.Stock;

/// <summary><c>POST /check-stock</c>: shortages and unknown products; reserves nothing.</summary>
internal static class CheckStockEndpoint
{
    public static async Task<Ok<CheckStockResponse>> HandleAsync(CheckStockRequest request, CheckStockHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(request, ct));
}
