using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Contracts.Inventory;

namespace OrderPlatform.InventoryService.Reservations;

/// <summary><c>POST /release</c>: gives a reservation's units back, once.</summary>
internal static class ReleaseStockEndpoint
{
    public static async Task<Ok<ReservationResult>> HandleAsync(ReleaseStockRequest request, ReservationHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.ReleaseAsync(request, ct));
}
