using OrderPlatform.Contracts.Inventory;
using OrderPlatform.Contracts.Orders;

namespace OrderPlatform.Contracts.Shipping;

/// <summary>Body of shipping-service <c>ship</c>; idempotent by <paramref name="OrderId"/>.</summary>
public sealed record ShipmentRequest(string OrderId, string CustomerId, IReadOnlyList<StockLine> Items, ShippingAddress? Address);

public enum ShipmentStatus
{
    Shipped,
    Rejected,
}

/// <summary>Outcome of a shipment. An unserviceable destination is a 200 with status Rejected and a reason.</summary>
public sealed record ShipmentResult(string OrderId, ShipmentStatus Status, string? TrackingNumber, string? Reason);
