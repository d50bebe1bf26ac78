using OrderPlatform.Contracts.Shipping;
using OrderPlatform.ShippingService.Storage;

namespace OrderPlatform.ShippingService.Shipments;

/// <summary>
/// <c>POST /ship</c>: idempotent by order id. The first outcome (shipped with a tracking number, or rejected with a
/// reason) is stored with an insert-if-absent, tried before any read: an order's first request, the usual case, is one
/// state call. A repeat's insert is refused (the kit's <c>StateStore</c> tells the refusal from a fault by re-reading the
/// key) and the stored outcome is returned, as it is to the loser of a race.
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
        var shipment = Decide(request);
        if (await repository.TryInsertAsync(shipment, cancellationToken))
        {
            logger.LogInformation("Order {OrderId}: shipment {Status} {TrackingNumber} {Reason}.",
                shipment.OrderId, shipment.Status, shipment.TrackingNumber, shipment.Reason);
            return shipment.ToResult();
        }

        var first = await repository.GetAsync(request.OrderId, cancellationToken)
            ?? throw new InvalidOperationException($"Shipment for order '{request.OrderId}' was neither inserted nor found.");
        logger.LogInformation("Order {OrderId} already has a shipment ({Status}); returning it.", request.OrderId, first.Status);
        return first.ToResult();
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
