using OrderPlatform.Contracts.Inventory;
using OrderPlatform.InventoryService.Storage;

namespace OrderPlatform.InventoryService.Reservations;

/// <summary><c>reserve</c>, <c>release</c> and <c>commit</c>: hands off to the repository and logs the outcome.</summary>
public sealed class ReservationHandler(InventoryRepository repository, ILogger<ReservationHandler> logger)
{
    public async Task<ReservationResult> ReserveAsync(ReserveStockRequest request, CancellationToken ct)
    {
        var result = await repository.ReserveAsync(request, ct);
        logger.LogInformation(
            "Reservation {ReservationId} for order {OrderId}: {Status}", result.ReservationId, request.OrderId, result.Status);
        return result;
    }

    public async Task<ReservationResult> ReleaseAsync(ReleaseStockRequest request, CancellationToken ct)
    {
        var result = await repository.ReleaseAsync(request.ReservationId, ct);
        logger.LogInformation("Release of reservation {ReservationId}: {Status}", result.ReservationId, result.Status);
        return result;
    }

    public async Task<ReservationResult> CommitAsync(CommitStockRequest request, CancellationToken ct)
    {
        var result = await repository.CommitReservationAsync(request.ReservationId, request.ProductIds ?? [], ct);
        logger.LogInformation("Commit of reservation {ReservationId}: {Status}", result.ReservationId, result.Status);
        return result;
    }
}
