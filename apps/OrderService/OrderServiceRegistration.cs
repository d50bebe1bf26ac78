using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.OpenApi;
using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Auth;
using OrderPlatform.OrderService.Downstream;
using OrderPlatform.OrderService.Events;
using OrderPlatform.OrderService.Limits;
using OrderPlatform.OrderService.Orders;
using OrderPlatform.OrderService.Orders.Admission;
using OrderPlatform.OrderService.Orders.Batch;
using OrderPlatform.OrderService.Orders.Create;
using OrderPlatform.OrderService.Orders.Intake;
using OrderPlatform.OrderService.Orders.Operators;
using OrderPlatform.OrderService.Orders.Query;
using OrderPlatform.OrderService.Orders.Reconciliation;
using OrderPlatform.OrderService.Orders.Signals;
using OrderPlatform.OrderService.Products;
using OrderPlatform.OrderService.Storage;
using OrderPlatform.OrderService.Workflow;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.ServiceDefaults.RequestBodies;
using OrderPlatform.ServiceDefaults.State;
using OrderPlatform.ServiceDefaults.Validation;
using OrderPlatform.OrderService.Orders.Reference;

namespace OrderPlatform.OrderService;

/// <summary>Everything order-service registers besides the service defaults, and its route table.</summary>
public static class OrderServiceRegistration
{
    public static IHostApplicationBuilder AddOrderService(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddValidatedOptions<OrderServiceOptions>(OrderServiceOptions.SectionName);
        builder.AddStateStore(Components.OrdersStore);
        builder.AddOrderAuth();

        // Every body here is typed by a client: an unknown (mistyped) member is refused, never silently dropped.
        var services = builder.Services;
        services.AddStrictRequestBodies(JsonUnmappedMemberHandling.Disallow);

        services.AddSingleton<OrderRepository>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<OrderEventPublisher>();
        services.AddSingleton<OrderStarter>();
        services.AddSingleton<ProductCheck>();
        services.AddSingleton<CreateOrderHandler>();
        services.AddSingleton<BatchEntryReader>();
        services.AddSingleton<BatchOrdersHandler>();
        services.AddSingleton<OrderSignalHandler>();
        services.AddSingleton<OperatorActions>();
        // Transient: an operator action is rare, and its typed HttpClients are then fresh from IHttpClientFactory.
        services.AddTransient<OrderRepairs>();

        services.AddSingleton<IValidator<CreateOrderRequest>, CreateOrderRequestValidator>();
        services.AddSingleton<IValidator<IdempotencyKeyHeader>, IdempotencyKeyHeaderValidator>();
        services.AddSingleton<IValidator<BatchCreateOrdersRequest>, BatchCreateOrdersRequestValidator>();
        services.AddSingleton<IValidator<OrderQueryParameters>, OrderQueryParametersValidator>();
        services.AddSingleton<IValidator<ApprovalRequest>, ApprovalRequestValidator>();
        services.AddSingleton<IValidator<CancelOrderRequest>, CancelOrderRequestValidator>();
        services.AddSingleton<IValidator<ProductQueryParameters>, ProductQueryParametersValidator>();
        services.AddSingleton<IValidator<SetStockRequest>, SetStockRequestValidator>();

        services.AddSingleton<OrderMetrics>();
        services.AddSingleton<OrderStepRecorder>();
        services.AddTransient<StepTimingHandler>();
        services.AddDaprInvokeClient<InventoryClient>(AppIds.InventoryService).WithInvokeTimeout().AddHttpMessageHandler<StepTimingHandler>();
        services.AddDaprInvokeClient<PaymentClient>(AppIds.PaymentService).WithInvokeTimeout().AddHttpMessageHandler<StepTimingHandler>();
        services.AddDaprInvokeClient<ShippingClient>(AppIds.ShippingService).WithInvokeTimeout().AddHttpMessageHandler<StepTimingHandler>();

        builder.AddOrderAdmission();
        // The order API's reference text (summaries, descriptions, examples, ProblemDetails answers) on the v1 document.
        services.Configure<OpenApiOptions>("v1", o => o.AddOperationTransformer<OrderApiReference>());
        builder.AddOrderWorkflow();
        services.AddOrderReconciliation();
        builder.AddRequestLimits();
        return builder;
    }

    /// <summary>
    /// The order API (order-service is the platform's only external ingress): every route needs a bearer token; a
    /// customer sees only their own orders, operator routes need the <see cref="OrderRoles.Operator"/> app role.
    /// </summary>
    public static IEndpointRouteBuilder MapOrderServiceEndpoints(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/orders").WithTags("Orders").RequireAuthorization(OrderRoles.CustomerPolicy).UseOrderAdmission();
        orders.MapPost("/", CreateOrderEndpoint.HandleAsync).Validate<CreateOrderRequest>().Validate<IdempotencyKeyHeader>().WithName("CreateOrder");
        orders.MapPost("/batch", BatchOrdersEndpoint.HandleAsync).Validate<BatchCreateOrdersRequest>().Validate<IdempotencyKeyHeader>().WithName("CreateOrdersBatch");
        orders.MapGet("/", QueryOrdersEndpoint.HandleAsync).Validate<OrderQueryParameters>().WithName("QueryOrders");
        orders.MapGet("/{id}", GetOrderEndpoint.HandleAsync).WithName("GetOrder");
        orders.MapPost("/{id}/cancel", CancelOrderEndpoint.HandleAsync).Validate<CancelOrderRequest>().WithName("CancelOrder");

        var operators = orders.MapGroup("").RequireAuthorization(OrderRoles.OperatorPolicy);
        operators.MapGet("/attention", AttentionEndpoint.HandleAsync).WithName("OrdersNeedingAttention");
        operators.MapPost("/{id}/approve", ApproveOrderEndpoint.HandleAsync).Validate<ApprovalRequest>().WithName("ApproveOrder");
        operators.MapPost("/{id}/compensate", CompensateOrderEndpoint.HandleAsync).WithName("CompensateOrder");
        operators.MapPost("/{id}/commit-stock", CommitOrderStockEndpoint.HandleAsync).WithName("CommitOrderStock");
        operators.MapPost("/{id}/resume", ResumeOrderEndpoint.HandleAsync).WithName("ResumeOrder");
        var products = app.MapGroup("/api/products").WithTags("Products");
        products.MapGet("/", ListProductsEndpoint.HandleAsync).Validate<ProductQueryParameters>().WithName("ListProducts");
        // Restocking: inventory-service's stock routes answer only order-service through Dapr, so operators go through here.
        var stock = products.MapGroup("/{productId}/stock").RequireAuthorization(OrderRoles.OperatorPolicy);
        stock.MapGet("/", GetProductStockEndpoint.HandleAsync).ValidateRouteIds("productId").WithName("GetProductStock");
        stock.MapPut("/", SetProductStockEndpoint.HandleAsync).ValidateRouteIds("productId").Validate<SetStockRequest>().WithName("SetProductStock");
        app.MapOrderReconciliation();
        return app;
    }
}
