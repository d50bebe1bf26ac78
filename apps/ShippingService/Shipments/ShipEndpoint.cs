using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Contracts.Shipping;

namespace OrderPlatform.ShippingService.Shipments;

/// <summary>
/// <c>POST /ship</c> (Dapr service invocation from order-service): 200 with the order's one outcome, shipped or
/// rejected; 400 for a body the strict reader or <see cref="ShipmentRequestValidator"/> refuses.
/// </summary>
internal static class ShipEndpoint
{
    public static async Task<Ok<ShipmentResult>> HandleAsync(ShipmentRequest request, ShipmentHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.ShipAsync(request, ct));
}
