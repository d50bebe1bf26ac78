using OrderPlatform.Contracts.Shipping;
using OrderPlatform.ShippingService.Storage;

namespace OrderPlatform.ShippingService.Shipments;

/// <summary>
/// <c>POST /ship</c>: idempotent by order id. The first outcome (shipped with a tracking number, or rejected with a
/// reason) is stored with an insert-if-absent; repeats, and the loser of a race (which the kit's <c>StateStore</c>
/// recognises by re-reading the key), get the stored outcome back.
/// </summary>
public sealed class ShipmentHandler(
    ShipmentRepository repository,
    ServiceabilityPolicy policy,
    TimeProvider time,
    ILogger<ShipmentHandler> logger)
{
    public async Task<ShipmentResult> ShipAsync(ShipmentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var existing = await repository.GetAsync(request.OrderId, cancellationToken);
        if (existing is not null)
        {
            logger.LogInformation("Order {OrderId} already has a shipment ({Status}); returning it.", request.OrderId, existing.Status);
            return existing.ToResult();
        }

        var shipment = Decide(request);
        if (await repository.TryInsertAsync(shipment, cancellationToken))
        {
            logger.LogInformation("Order {OrderId}: shipment {Status} {TrackingNumber} {Reason}.",
                shipment.OrderId, shipment.Status, shipment.TrackingNumber, shipment.Reason);
            return shipment.ToResult();
        }

        var winner = await repository.GetAsync(request.OrderId, cancellationToken)
            ?? throw new InvalidOperationException($"Shipment for order '{request.OrderId}' was neither inserted nor found.");
        logger.LogInformation("Order {OrderId}: a concurrent request stored the shipment first; returning it.", request.OrderId);
        return winner.ToResult();
    }

    private Shipment Decide(ShipmentRequest request)
    {
        var now = time.GetUtcNow();
        if (request.Address is null)
        {
            return new Shipment(request.OrderId, request.CustomerId, ShipmentStatus.Shipped, TrackingNumbers.New(),
                Shipment.CollectInStore, request.Items, null, now);
        }

        var refusal = policy.RefusalReason(request.Address);
        return refusal is null
            ? new Shipment(request.OrderId, request.CustomerId, ShipmentStatus.Shipped, TrackingNumbers.New(), null, request.Items, request.Address, now)
            : new Shipment(request.OrderId, request.CustomerId, ShipmentStatus.Rejected, null, refusal, request.Items, request.Address, now);
    }
}
