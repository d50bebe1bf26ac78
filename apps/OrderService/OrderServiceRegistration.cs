using Dapr.Workflow;
using FluentValidation;
using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Downstream;
using OrderPlatform.OrderService.Events;
using OrderPlatform.OrderService.Orders;
using OrderPlatform.OrderService.Orders.Batch;
using OrderPlatform.OrderService.Orders.Create;
using OrderPlatform.OrderService.Orders.Operators;
using OrderPlatform.OrderService.Orders.Query;
using OrderPlatform.OrderService.Orders.Reconciliation;
using OrderPlatform.OrderService.Orders.Signals;
using OrderPlatform.OrderService.Storage;
using OrderPlatform.OrderService.Workflow;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.OrderService;

/// <summary>Everything order-service registers besides the service defaults.</summary>
public static class OrderServiceRegistration
{
    public static IServiceCollection AddOrderService(this IServiceCollection services)
    {
        services.AddOptions<OrdersOptions>()
            .BindConfiguration(OrdersOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);

        services.AddSingleton<OrderRepository>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<OrderEventPublisher>();
        services.AddSingleton<OrderStarter>();
        services.AddSingleton<ProductCheck>();
        services.AddSingleton<CreateOrderHandler>();
        services.AddSingleton<BatchEntryReader>();
        services.AddSingleton<BatchOrdersHandler>();
        services.AddSingleton<OrderQueryHandler>();
        services.AddSingleton<OrderSignalHandler>();
        services.AddSingleton<OperatorActions>();
        services.AddTransient<OrderRepairs>();

        services.AddSingleton<IValidator<CreateOrderRequest>, CreateOrderRequestValidator>();
        services.AddSingleton<IValidator<OrderQueryParameters>, OrderQueryParametersValidator>();
        services.AddSingleton<IValidator<ApprovalRequest>, ApprovalRequestValidator>();
        services.AddSingleton<IValidator<CancelOrderRequest>, CancelOrderRequestValidator>();

        services.AddDaprInvokeClient<InventoryClient>(AppIds.InventoryService).WithInvokeTimeout();
        services.AddDaprInvokeClient<PaymentClient>(AppIds.PaymentService).WithInvokeTimeout();
        services.AddDaprInvokeClient<ShippingClient>(AppIds.ShippingService).WithInvokeTimeout();

        services.AddOrderWorkflow();
        services.AddOrderReconciliation();
        return services;
    }
}
