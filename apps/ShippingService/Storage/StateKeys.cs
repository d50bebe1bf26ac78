namespace OrderPlatform.ShippingService.Storage;

/// <summary>The keys shipping-service writes in <c>shipping-store</c>.</summary>
public static class StateKeys
{
    /// <summary>The one shipment of an order.</summary>
    public static string Shipment(string orderId) => $"shipment-{orderId}";
}
