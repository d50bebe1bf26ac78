using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Contracts.Inventory;

namespace OrderPlatform.InventoryService.Reservations;

/// <summary><c>POST /reserve</c>: idempotent by reservation id, all-or-nothing, never oversells.</summary>
internal static class ReserveStockEndpoint
{
    public static async Task<Ok<ReservationResult>> HandleAsync(ReserveStockRequest request, ReservationHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.ReserveAsync(request, ct));
}
