namespace OrderPlatform.ShippingService.Shipments;

public static class ShipmentsRegistration
{
    /// <summary>Options from the <c>Shipping</c> section, the repository, the policy and the handler.</summary>
    public static WebApplicationBuilder AddShipments(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ShippingOptions>().Bind(builder.Configuration.GetSection(ShippingOptions.SectionName));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ServiceabilityPolicy>();
        builder.Services.AddSingleton<ShipmentRepository>();
        builder.Services.AddScoped<ShipmentHandler>();
        return builder;
    }
}
