using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Shipping;
using OrderPlatform.ShippingService.Http;

namespace OrderPlatform.ShippingService.Shipments;

public static class ShipmentEndpoints
{
    /// <summary><c>POST /ship</c> (service invocation from order-service) and <c>GET /api/shipments/{orderId}</c>.</summary>
    public static IEndpointRouteBuilder MapShipmentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost($"/{ShippingMethods.Ship}", ShipAsync)
            .Accepts<ShipmentRequest>("application/json")
            .Produces<ShipmentResult>()
            .ProducesValidationProblem()
            .WithName("Ship");

        app.MapGet("/api/shipments/{orderId}", GetAsync)
            .Produces<Shipment>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetShipment");
        return app;
    }

    private static async Task<IResult> ShipAsync(HttpRequest http, ShipmentHandler handler, CancellationToken cancellationToken)
    {
        var (request, readErrors) = await JsonBody.ReadAsync<ShipmentRequest>(http);
        var errors = readErrors ?? ShipmentRequestValidator.Validate(request!);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await handler.ShipAsync(request!, cancellationToken));
    }

    private static async Task<IResult> GetAsync(string orderId, ShipmentRepository repository, CancellationToken cancellationToken)
    {
        var shipment = await repository.GetAsync(orderId, cancellationToken);
        return shipment is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No shipment for order '{orderId}'.")
            : TypedResults.Ok(shipment);
    }
}
