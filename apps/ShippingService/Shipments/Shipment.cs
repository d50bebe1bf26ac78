using OrderPlatform.Contracts.Inventory;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.Contracts.Shipping;

namespace OrderPlatform.ShippingService.Shipments;

/// <summary>
/// A stored shipment (key <c>shipment-{orderId}</c> in <c>shipping-store</c>): the first outcome for an order,
/// returned unchanged to every repeat of <c>POST /ship</c> and by <c>GET /api/shipments/{orderId}</c>.
/// </summary>
public sealed record Shipment(
    string OrderId,
    string CustomerId,
    ShipmentStatus Status,
    string? TrackingNumber,
    string? Reason,
    IReadOnlyList<StockLine> Items,
    ShippingAddress? Address,
    DateTimeOffset CreatedAt)
{
    /// <summary>The note carried in <see cref="ShipmentResult.Reason"/> when an order has no address.</summary>
    public const string CollectInStore = "collect in store";

    public ShipmentResult ToResult() => new(OrderId, Status, TrackingNumber, Reason);
}
