using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.ServiceDefaults.Validation;
using OrderPlatform.ShippingService.Storage;

namespace OrderPlatform.ShippingService.Shipments;

/// <summary><c>GET /api/shipments/{orderId}</c>: the stored shipment, or a 404 ProblemDetails.</summary>
internal static class GetShipmentEndpoint
{
    public static async Task<Results<Ok<Shipment>, ProblemHttpResult>> HandleAsync(
        string orderId, ShipmentRepository repository, CancellationToken ct)
    {
        // An id /ship would refuse cannot have a shipment: it is not looked up (nor turned into a state key).
        var shipment = Identifiers.IsValid(orderId) ? await repository.GetAsync(orderId, ct) : null;
        return shipment is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No shipment for order '{orderId}'.")
            : TypedResults.Ok(shipment);
    }
}
