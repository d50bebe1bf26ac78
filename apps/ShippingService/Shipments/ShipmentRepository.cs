using Dapr.Client;
using OrderPlatform.Contracts;

namespace OrderPlatform.ShippingService.Shipments;

/// <summary>Shipments in <c>shipping-store</c>, one key per order.</summary>
public sealed class ShipmentRepository(DaprClient dapr)
{
    private static readonly StateOptions FirstWrite = new() { Concurrency = ConcurrencyMode.FirstWrite };

    public static string Key(string orderId) => $"shipment-{orderId}";

    public Task<Shipment?> GetAsync(string orderId, CancellationToken cancellationToken) =>
        dapr.GetStateAsync<Shipment?>(Components.ShippingStore, Key(orderId), cancellationToken: cancellationToken);

    /// <summary>
    /// Inserts the shipment only if none exists for the order (first-write concurrency without an ETag is an
    /// insert in Dapr's state API). Returns false when another request stored one first.
    /// </summary>
    public Task<bool> TryInsertAsync(Shipment shipment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        return dapr.TrySaveStateAsync(
            Components.ShippingStore, Key(shipment.OrderId), shipment, etag: string.Empty, FirstWrite,
            cancellationToken: cancellationToken);
    }
}
