using FluentValidation;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.InventoryService.Configuration;
using OrderPlatform.InventoryService.Reservations;
using OrderPlatform.InventoryService.Seeding;
using OrderPlatform.InventoryService.Stock;
using OrderPlatform.InventoryService.Storage;
using OrderPlatform.InventoryService.Validation;
using OrderPlatform.ServiceDefaults.Validation;

namespace OrderPlatform.InventoryService;

/// <summary>Service registrations and the route table of inventory-service.</summary>
public static class InventoryServiceExtensions
{
    public static IServiceCollection AddInventoryService(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InventoryOptions>()
            .Bind(configuration.GetSection(InventoryOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<InventoryRepository>();
        services.AddSingleton<CheckStockHandler>();
        services.AddSingleton<StockLevelHandler>();
        services.AddSingleton<ReservationHandler>();
        services.AddSingleton<InventorySeeder>();
        services.AddHostedService(sp => sp.GetRequiredService<InventorySeeder>());
        services.AddSingleton<IValidator<CheckStockRequest>, CheckStockRequestValidator>();
        services.AddSingleton<IValidator<ReserveStockRequest>, ReserveStockRequestValidator>();
        services.AddSingleton<IValidator<ReleaseStockRequest>, ReleaseStockRequestValidator>();
        services.AddSingleton<IValidator<CommitStockRequest>, CommitStockRequestValidator>();
        services.AddSingleton<IValidator<SetStockRequest>, SetStockRequestValidator>();
        return services;
    }

    public static IEndpointRouteBuilder MapInventoryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapStockEndpoints();
        app.MapReservationEndpoints();
        return app;
    }
}
