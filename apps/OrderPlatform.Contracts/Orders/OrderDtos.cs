namespace OrderPlatform.Contracts.Orders;

/// <summary>
/// One order line. Quantities are whole units; prices are in the order's currency. In a request <paramref name="UnitPrice"/>
/// is optional and ignored: order-service prices every line from inventory-service's catalogue, and a stored order's
/// lines always carry the catalogue price they were charged at.
/// </summary>
public sealed record OrderItem(string ProductId, int Quantity, decimal? UnitPrice = null);

/// <summary>Where an order ships to. Optional on an order: without it the order is collected in store.</summary>
public sealed record ShippingAddress(string Street, string City, string PostalCode, string Country);

/// <summary>
/// Body of <c>POST /api/orders</c> (and of each item of <c>POST /api/orders/batch</c>). <see cref="CustomerId"/> is the
/// signed-in caller: optional, and when given it must be the caller's own id (order-service answers 403 otherwise).
/// </summary>
public sealed record CreateOrderRequest(
    string? OrderId,
    string? CustomerId,
    IReadOnlyList<OrderItem> Items,
    string? PaymentToken = null,
    ShippingAddress? ShippingAddress = null);

/// <summary>
/// The lifecycle of an order. Terminal states: Completed, Failed, Cancelled. OnHold is not terminal: a step kept
/// failing for the whole fault-retry window and the order waits for an operator's resume (its history says which step).
/// </summary>
public enum OrderStatus
{
    Pending,
    AwaitingApproval,
    Approved,
    Reserved,
    Paid,
    Shipped,
    Completed,
    Failed,
    Cancelled,
    OnHold,
}

/// <summary>One entry in an order's status history.</summary>
public sealed record OrderStatusChange(OrderStatus Status, DateTimeOffset At, string? Detail);
