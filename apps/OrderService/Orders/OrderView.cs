using Dapr.Workflow;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Storage;

namespace OrderPlatform.OrderService.Orders;

/// <summary>The order as the API shows it. <see cref="Workflow"/> is only filled by <c>GET /api/orders/{id}</c>.</summary>
public sealed record OrderView(
    string OrderId,
    string CustomerId,
    IReadOnlyList<OrderItem> Items,
    decimal Total,
    string Currency,
    OrderStatus Status,
    IReadOnlyList<OrderStatusChange> History,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? PaymentId,
    string? TrackingNumber,
    string? FailureReason,
    WorkflowStatusView? Workflow = null)
{
    public static OrderView From(StoredOrder order, WorkflowStatusView? workflow = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new OrderView(
            order.OrderId, order.CustomerId, order.Items, order.Total, order.Currency, order.Status, order.History,
            order.CreatedAt, order.UpdatedAt, order.PaymentId, order.TrackingNumber, order.FailureReason, workflow);
    }
}

/// <summary>The Dapr workflow instance behind an order (instance id = order id).</summary>
public sealed record WorkflowStatusView(WorkflowRuntimeStatus RuntimeStatus, DateTimeOffset? CreatedAt, DateTimeOffset? LastUpdatedAt)
{
    public static WorkflowStatusView From(WorkflowState? state) =>
        state is { Exists: true }
            ? new WorkflowStatusView(state.RuntimeStatus, state.CreatedAt, state.LastUpdatedAt)
            : new WorkflowStatusView(WorkflowRuntimeStatus.Unknown, null, null);
}

/// <summary>A page of <c>GET /api/orders</c>.</summary>
public sealed record OrderPage(IReadOnlyList<OrderView> Items, string? ContinuationToken);
