using System.Text.Json.Serialization;
using OrderPlatform.Contracts.Orders;

namespace OrderPlatform.OrderService.Storage;

/// <summary>
/// The order document in <c>orders-store</c> (key = order id). Top-level <c>kind</c>, <c>customerId</c>, <c>status</c>
/// and <c>createdAt</c> are what the state query API filters and sorts on.
/// </summary>
public sealed record StoredOrder
{
    public const string DocumentKind = "order";

    public string Kind { get; init; } = DocumentKind;
    public required string OrderId { get; init; }
    public required string CustomerId { get; init; }
    public required IReadOnlyList<OrderItem> Items { get; init; }
    public required decimal Total { get; init; }
    public required string Currency { get; init; }
    public required OrderStatus Status { get; init; }
    public required IReadOnlyList<OrderStatusChange> History { get; init; }

    [JsonConverter(typeof(UtcTimestampConverter))]
    public required DateTimeOffset CreatedAt { get; init; }

    [JsonConverter(typeof(UtcTimestampConverter))]
    public required DateTimeOffset UpdatedAt { get; init; }

    public ShippingAddress? ShippingAddress { get; init; }
    public string? PaymentId { get; init; }
    public string? TrackingNumber { get; init; }
    public string? FailureReason { get; init; }

    /// <summary>Fingerprint of the request that created the order (idempotent replays compare it).</summary>
    public string? RequestHash { get; init; }

    /// <summary>
    /// The workflow input (payment token included), saved with the order in the same insert so the reconciler can start
    /// a workflow that never was. Never shown in the order view. Absent on orders saved before it existed.
    /// </summary>
    public Workflow.OrderWorkflowInput? WorkflowInput { get; init; }

    /// <summary>The detail of every order's first history entry.</summary>
    public const string ReceivedDetail = "order received";

    /// <summary>W3C traceparent of the request that created the order: later signals link their spans to its trace.</summary>
    public string? TraceParent { get; init; }

    /// <summary>
    /// A new pending order whose lines are <paramref name="pricedItems"/>: the request's lines at catalogue prices (the
    /// client's <c>unitPrice</c> is ignored), so the total, the approval threshold and the charge use the catalogue's.
    /// </summary>
    public static StoredOrder Create(
        string orderId, CreateOrderRequest request, IReadOnlyList<OrderItem> pricedItems, string currency, string requestHash, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(pricedItems);
        return new StoredOrder
        {
            OrderId = orderId,
            CustomerId = request.CustomerId ?? throw new ArgumentException("The order's customer is the caller: set it first.", nameof(request)),
            Items = pricedItems,
            Total = pricedItems.Sum(i => i.Quantity * (i.UnitPrice ?? throw new ArgumentException($"Line '{i.ProductId}' has no price.", nameof(pricedItems)))),
            Currency = currency,
            Status = OrderStatus.Pending,
            History = [new OrderStatusChange(OrderStatus.Pending, now, ReceivedDetail)],
            CreatedAt = now,
            UpdatedAt = now,
            ShippingAddress = request.ShippingAddress,
            RequestHash = requestHash,
        };
    }
}
