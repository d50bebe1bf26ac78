using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.ServiceDefaults.Validation;

namespace OrderPlatform.InventoryService.Reservations;

/// <summary>Methods invoked by order-service's workflow through Dapr service invocation.</summary>
public static class ReservationEndpoints
{
    public static IEndpointRouteBuilder MapReservationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost($"/{InventoryMethods.Reserve}",
                (ReserveStockRequest request, ReservationHandler handler, CancellationToken ct) => handler.ReserveAsync(request, ct))
            .Validate<ReserveStockRequest>()
            .WithName("ReserveStock");
        app.MapPost($"/{InventoryMethods.Release}",
                (ReleaseStockRequest request, ReservationHandler handler, CancellationToken ct) => handler.ReleaseAsync(request, ct))
            .Validate<ReleaseStockRequest>()
            .WithName("ReleaseStock");
        app.MapPost($"/{InventoryMethods.Commit}",
                (CommitStockRequest request, ReservationHandler handler, CancellationToken ct) => handler.CommitAsync(request, ct))
            .Validate<CommitStockRequest>()
            .WithName("CommitStock");
        return app;
    }
}
