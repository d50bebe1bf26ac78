using System.Text.Json.Serialization;
using FluentValidation;
using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.InventoryService.Reservations;
using OrderPlatform.InventoryService.Seeding;
using OrderPlatform.InventoryService.Stock;
using OrderPlatform.InventoryService.Storage;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.ServiceDefaults.RequestBodies;
using OrderPlatform.ServiceDefaults.State;
using OrderPlatform.ServiceDefaults.Validation;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.InventoryService;

/// <summary>Everything inventory-service registers besides the service defaults, and its route table.</summary>
public static class InventoryServiceRegistration
{
    public static IHostApplicationBuilder AddInventoryService(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddValidatedOptions<InventoryServiceOptions>(InventoryServiceOptions.SectionName)
            .Validate(SeedValidation.AllValid, "Every Inventory:Seed item needs a productId, a name and a price from 0.01 to 1000000.");
        builder.AddStateStore(Components.InventoryStore);
        // Dapr-invoked methods skip unknown members (a newer order-service may send more); SetStockRequest refuses them.
        builder.Services.AddStrictRequestBodies(JsonUnmappedMemberHandling.Skip);

        builder.Services.AddSingleton<InventoryRepository>();
        builder.Services.AddSingleton<CheckStockHandler>();
        builder.Services.AddSingleton<ReservationHandler>();
        builder.Services.AddSingleton<InventorySeeder>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<InventorySeeder>());

        builder.Services.AddSingleton<IValidator<CheckStockRequest>, CheckStockRequestValidator>();
        builder.Services.AddSingleton<IValidator<SetStockRequest>, SetStockRequestValidator>();
        builder.Services.AddSingleton<IValidator<CatalogueQuery>, CatalogueQueryValidator>();
        builder.Services.AddSingleton<IValidator<ReserveStockRequest>, ReserveStockRequestValidator>();
        builder.Services.AddSingleton<IValidator<ReleaseStockRequest>, ReleaseStockRequestValidator>();
        builder.Services.AddSingleton<IValidator<CommitStockRequest>, CommitStockRequestValidator>();
        return builder;
    }

    public static IEndpointRouteBuilder MapInventoryServiceEndpoints(this IEndpointRouteBuilder app)
    {
        // Every route here, reads included, answers only order-service through Dapr: its workflow (check-stock, reserve,
        // release, commit), its public catalogue (products) and its operators' stock routes (the api/inventory pair,
        // relayed by GET/PUT /api/products/{productId}/stock). Nothing else has a reason to call inventory-service.
        var methods = app.MapGroup(string.Empty).RequireDaprCaller(AppIds.OrderService);
        methods.MapPost($"/{InventoryMethods.CheckStock}", CheckStockEndpoint.HandleAsync).Validate<CheckStockRequest>().WithName("CheckStock");
        methods.MapPost($"/{InventoryMethods.Reserve}", ReserveStockEndpoint.HandleAsync).Validate<ReserveStockRequest>().WithName("ReserveStock");
        methods.MapPost($"/{InventoryMethods.Release}", ReleaseStockEndpoint.HandleAsync).Validate<ReleaseStockRequest>().WithName("ReleaseStock");
        methods.MapPost($"/{InventoryMethods.Commit}", CommitStockEndpoint.HandleAsync).Validate<CommitStockRequest>().WithName("CommitStock");
        methods.MapGet($"/{InventoryMethods.Products}", ListCatalogueEndpoint.HandleAsync).Validate<CatalogueQuery>().WithName("ListCatalogue");

        var api = methods.MapGroup("/api/inventory").WithTags("Inventory");
        api.MapGet("/{productId}", GetStockLevelEndpoint.HandleAsync).WithName("GetStockLevel");
        api.MapPut("/{productId}", SetStockLevelEndpoint.HandleAsync)
            .ValidateRouteIds("productId").Validate<SetStockRequest>().WithName("SetStockLevel");
        return app;
    }
}
