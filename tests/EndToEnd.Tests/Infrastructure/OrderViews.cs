using OrderPlatform.Contracts.Orders;

namespace OrderPlatform.EndToEnd.Tests.Infrastructure;

/// <summary>The order API's view of an order, as a black-box client reads it.</summary>
public sealed record OrderView(
    string OrderId,
    string CustomerId,
    OrderStatus Status,
    decimal Total,
    IReadOnlyList<OrderItem> Items,
    IReadOnlyList<OrderStatusChange> History,
    string? PaymentId,
    string? TrackingNumber,
    string? FailureReason,
    WorkflowView? Workflow)
{
    public bool IsTerminal => Status is OrderStatus.Completed or OrderStatus.Failed or OrderStatus.Cancelled;

    public IEnumerable<OrderStatus> Statuses => History.Select(h => h.Status);
}

public sealed record WorkflowView(string RuntimeStatus);

public sealed record OrderPage(IReadOnlyList<OrderView> Items, string? ContinuationToken);
