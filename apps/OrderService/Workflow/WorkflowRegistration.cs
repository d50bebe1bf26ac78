using Dapr.Workflow;
using OrderPlatform.OrderService.Workflow.Activities;

namespace OrderPlatform.OrderService.Workflow;

public static class WorkflowRegistration
{
    /// <summary>
    /// Registers the order workflow and its activities with the Dapr workflow worker, and the
    /// <see cref="IDaprWorkflowClient"/> the API uses (<see cref="DaprWorkflowClient"/> is sealed and
    /// <c>AddDaprWorkflow</c> does not register the interface).
    /// </summary>
    public static IServiceCollection AddOrderWorkflow(this IServiceCollection services)
    {
        services.AddDaprWorkflow(options =>
        {
            options.RegisterWorkflow<OrderWorkflow>();
            options.RegisterActivity<CheckStockActivity>();
            options.RegisterActivity<ReserveStockActivity>();
            options.RegisterActivity<ReleaseStockActivity>();
            options.RegisterActivity<ProcessPaymentActivity>();
            options.RegisterActivity<RefundPaymentActivity>();
            options.RegisterActivity<ShipOrderActivity>();
            options.RegisterActivity<RecordOrderStatusActivity>();
        });
        services.AddSingleton<IDaprWorkflowClient>(sp => sp.GetRequiredService<DaprWorkflowClient>());
        return services;
    }
}
