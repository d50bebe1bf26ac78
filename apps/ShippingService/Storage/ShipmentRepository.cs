using OrderPlatform.ServiceDefaults.State;
using OrderPlatform.ShippingService.Shipments;

namespace OrderPlatform.ShippingService.Storage;

/// <summary>Shipments in <c>shipping-store</c>, one key per order.</summary>
public sealed class ShipmentRepository(StateStore store)
{
    public async Task<Shipment?> GetAsync(string orderId, CancellationToken ct) =>
        (await store.GetAsync<Shipment>(StateKeys.Shipment(orderId), ct)).Value;

    /// <summary>Inserts the shipment only if the order has none yet; false when one is stored already (another request won).</summary>
    public Task<bool> TryInsertAsync(Shipment shipment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        return store.TryInsertAsync(StateKeys.Shipment(shipment.OrderId), shipment, ct);
    }
}
