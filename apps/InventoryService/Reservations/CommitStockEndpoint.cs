using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Contracts.Inventory;

namespace OrderPlatform.InventoryService.Reservations;

/// <summary><c>POST /commit</c>: a shipped order's reserved units leave the warehouse, once.</summary>
internal static class CommitStockEndpoint
{
    public static async Task<Ok<ReservationResult>> HandleAsync(CommitStockRequest request, ReservationHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.CommitAsync(request, ct));
}
