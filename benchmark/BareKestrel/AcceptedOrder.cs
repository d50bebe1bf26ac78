using OrderPlatform.Contracts.Orders;

namespace OrderPlatform.Benchmark.BareKestrel;

/// <summary>What the baseline answers: an id, the customer, the total and a status, like order-service's view.</summary>
internal sealed record AcceptedOrder(string OrderId, string? CustomerId, decimal Total, OrderStatus Status)
{
    public static AcceptedOrder From(CreateOrderRequest order) => new(
        Guid.NewGuid().ToString("N"),
        order.CustomerId,
        order.Items.Sum(i => i.Quantity * (i.UnitPrice ?? 0m)), // the baseline has no catalogue: it totals what the client sent
        OrderStatus.Pending);
}
