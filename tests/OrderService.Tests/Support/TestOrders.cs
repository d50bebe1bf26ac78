using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Storage;
using OrderPlatform.OrderService.Workflow;

namespace OrderPlatform.OrderService.Tests.Support;

/// <summary>Sample orders, requests and workflow inputs.</summary>
internal static class TestOrders
{
    public static readonly DateTimeOffset Now = new(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);

    public static CreateOrderRequest Request(string? orderId = null, string customerId = "cust-1", decimal unitPrice = 25m, int quantity = 2) =>
        new(orderId, customerId, [new OrderItem("sku-1", quantity, unitPrice), new OrderItem("sku-2", 1, 10m)],
            PaymentToken: "tok_mastercard", ShippingAddress: new ShippingAddress("1 Main St", "Springfield", "12345", "US"));

    public static StoredOrder Stored(string orderId = "ord-1", OrderStatus status = OrderStatus.Pending, string customerId = "cust-1")
    {
        var request = Request(orderId, customerId);
        var order = StoredOrder.Create(orderId, request, request.Items, "USD", "hash-1", Now);
        return status == OrderStatus.Pending ? order : order with
        {
            Status = status,
            History = [.. order.History, new OrderStatusChange(status, Now.AddMinutes(1), $"now {status}")],
        };
    }

    public static OrderWorkflowInput WorkflowInput(decimal total = 60m, decimal threshold = 1000m) =>
        new("ord-1", "cust-1", [new OrderItem("sku-1", 2, 25m), new OrderItem("sku-2", 1, 10m)], total, "USD", "tok_visa",
            new ShippingAddress("1 Main St", "Springfield", "12345", "US"), threshold, TimeSpan.FromHours(2),
            PublishesCreated: true, RecordsInSteps: true);
}
