using OrderPlatform.Contracts;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.OrderService.Orders.Reconciliation;

public static class ReconciliationRegistration
{
    public static IServiceCollection AddOrderReconciliation(this IServiceCollection services)
    {
        services.AddOptions<ReconciliationOptions>()
            .BindConfiguration(ReconciliationOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<OpenOrders>();
        // Transient: both use the typed invoke clients (payment-service, inventory-service), which are transient.
        services.AddTransient<ExpiredOrderFailer>();
        services.AddTransient<OrderReconciler>();
        return services;
    }

    /// <summary>The cron binding's route (<see cref="Components.ReconcileCron"/>), outside <c>/api</c>: only the sidecar calls it.</summary>
    public static IEndpointRouteBuilder MapOrderReconciliation(this IEndpointRouteBuilder app)
    {
        app.MapPost($"/{Components.ReconcileCron}", ReconcileEndpoint.HandleAsync).WithName("ReconcileOrders").ExcludeFromDescription()
            .RequireDaprBinding(); // daprd's bindings.cron only: not the public ingress, not another app's invocation
        app.MapMethods($"/{Components.ReconcileCron}", [HttpMethods.Options], ReconcileEndpoint.Probe).ExcludeFromDescription();
        return app;
    }
}
