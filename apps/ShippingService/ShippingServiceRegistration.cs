using System.Text.Json.Serialization;
using FluentValidation;
using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Shipping;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.ServiceDefaults.RequestBodies;
using OrderPlatform.ServiceDefaults.State;
using OrderPlatform.ServiceDefaults.Validation;
using OrderPlatform.ServiceDefaults.Security;
using OrderPlatform.ShippingService.Shipments;
using OrderPlatform.ShippingService.Storage;

namespace OrderPlatform.ShippingService;

/// <summary>shipping-service's registrations and its route table.</summary>
public static class ShippingServiceRegistration
{
    /// <summary>The <c>Shipping</c> options, <c>shipping-store</c>, strict request bodies, the handler and the validator.</summary>
    public static IHostApplicationBuilder AddShippingService(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddValidatedOptions<ShippingServiceOptions>(ShippingServiceOptions.SectionName);
        builder.AddStateStore(Components.ShippingStore);
        // POST /ship is Dapr-invoked: required fields are enforced, unknown members skipped (a newer order-service may send more).
        builder.Services.AddStrictRequestBodies(JsonUnmappedMemberHandling.Skip);
        builder.Services.AddSingleton<ShipmentRepository>();
        builder.Services.AddSingleton<ServiceabilityPolicy>();
        builder.Services.AddSingleton<ShipmentHandler>();
        builder.Services.AddSingleton<IValidator<ShipmentRequest>, ShipmentRequestValidator>();
        return builder;
    }

    /// <summary><c>POST /ship</c> (order-service only) and <c>GET /api/shipments/{orderId}</c> (any platform app), both through Dapr.</summary>
    public static IEndpointRouteBuilder MapShippingServiceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost($"/{ShippingMethods.Ship}", ShipEndpoint.HandleAsync).Validate<ShipmentRequest>().WithName("Ship").RequireDaprCaller(AppIds.OrderService);
        // A read no app of the platform makes today (tests and operators do, through a sidecar): any platform app through
        // Dapr, never a call straight to the app port.
        app.MapGet("/api/shipments/{orderId}", GetShipmentEndpoint.HandleAsync).WithTags("Shipments").WithName("GetShipment")
            .RequireDaprCaller([.. AppIds.All]);
        return app;
    }
}
