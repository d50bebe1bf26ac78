using OrderPlatform.Contracts.Inventory;
using OrderPlatform.Contracts.Orders;

namespace OrderPlatform.OrderService.Workflow;

/// <summary>
/// The order workflow's input. The approval and retry settings are copied in when the order is created so a replay
/// never depends on configuration read later (workflow code must be deterministic). Inputs stored before the retry
/// settings existed have none: the defaults apply. <paramref name="PublishesCreated"/>: the workflow publishes
/// <c>order_created</c> as its first step (durably retried like any status recording); inputs saved before it existed
/// say false, so their replays keep the step list they were started with and the starter publishes for them.
/// <paramref name="RecordsInSteps"/>: each step activity records its own status change and event (<see cref="OrderWorkflow"/>);
/// inputs saved before say false and run the step list they were started with (<see cref="OrderWorkflowV1Steps"/>),
/// since a replay must schedule the same activities in the same order as its history.
/// </summary>
public sealed record OrderWorkflowInput(
    string OrderId,
    string CustomerId,
    IReadOnlyList<OrderItem> Items,
    decimal Total,
    string Currency,
    string PaymentToken,
    ShippingAddress? ShippingAddress,
    decimal ApprovalThreshold,
    TimeSpan ApprovalTimeout,
    RetrySettings? FaultRetry = null,
    RetrySettings? CompensationRetry = null,
    bool PublishesCreated = false,
    bool RecordsInSteps = false)
{
    public const string DefaultPaymentToken = "tok_visa";

    public IReadOnlyList<StockLine> StockLines => [.. Items.Select(i => new StockLine(i.ProductId, i.Quantity))];

    public bool RequiresApproval => Total > ApprovalThreshold;
}

/// <summary>How the workflow ended.</summary>
public sealed record OrderWorkflowResult(OrderStatus Status, string? Reason = null);
