using OrderPlatform.Contracts.Inventory;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.Contracts.Shipping;

namespace OrderPlatform.ShippingService.Tests.Support;

public static class Requests
{
    public static readonly ShippingAddress Berlin = new("Unter den Linden 1", "Berlin", "10117", "DE");

    public static ShipmentRequest Ship(string orderId, ShippingAddress? address) =>
        new(orderId, "cust-1", [new StockLine("sku-1", 2)], address);
}
