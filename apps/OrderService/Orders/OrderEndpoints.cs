using OrderPlatform.OrderService.Orders.Batch;
using OrderPlatform.OrderService.Orders.Create;
using OrderPlatform.OrderService.Orders.Operators;
using OrderPlatform.OrderService.Orders.Query;
using OrderPlatform.OrderService.Orders.Reconciliation;
using OrderPlatform.OrderService.Orders.Signals;

namespace OrderPlatform.OrderService.Orders;

/// <summary>The order API (order-service is the platform's only external ingress).</summary>
public static class OrderEndpoints
{
    public static IEndpointRouteBuilder MapOrderEndpoints(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/orders").WithTags("Orders");
        orders.MapPost("/", CreateOrderEndpoint.HandleAsync).WithName("CreateOrder");
        orders.MapPost("/batch", BatchOrdersEndpoint.HandleAsync).WithName("CreateOrdersBatch");
        orders.MapGet("/", QueryOrdersEndpoint.HandleAsync).WithName("QueryOrders");
        orders.MapGet("/{id}", GetOrderEndpoint.HandleAsync).WithName("GetOrder");
        orders.MapPost("/{id}/cancel", SignalEndpoints.CancelAsync).WithName("CancelOrder");
        orders.MapPost("/{id}/approve", SignalEndpoints.ApproveAsync).WithName("ApproveOrder");
        orders.MapPost("/{id}/compensate", OperatorEndpoints.CompensateAsync).WithName("CompensateOrder");
        orders.MapPost("/{id}/commit-stock", OperatorEndpoints.CommitStockAsync).WithName("CommitOrderStock");
        orders.MapPost("/{id}/resume", ResumeOrderEndpoint.HandleAsync).WithName("ResumeOrder");
        orders.MapGet("/attention", AttentionEndpoint.HandleAsync).WithName("OrdersNeedingAttention");
        app.MapOrderReconciliation();
        return app;
    }
}
