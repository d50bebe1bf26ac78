using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Shipping;

namespace OrderPlatform.OrderService.Downstream;

/// <summary>shipping-service through Dapr service invocation. An unserviceable destination is a 200 with status Rejected.</summary>
public sealed class ShippingClient(HttpClient http)
{
    public Task<ShipmentResult> ShipAsync(ShipmentRequest request, CancellationToken ct = default) =>
        HttpJson.PostAsync<ShipmentRequest, ShipmentResult>(http, ShippingMethods.Ship, request, ct);
}
