using OrderPlatform.Contracts.Orders;

namespace OrderPlatform.OrderService.Orders.Batch;

/// <summary>Body of <c>POST /api/orders/batch</c>: 1..100 orders, each validated on its own.</summary>
public sealed record BatchCreateOrdersRequest(IReadOnlyList<CreateOrderRequest?>? Orders)
{
    public const int MaxOrders = 100;
}

public static class BatchItemStatus
{
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
    public const string Duplicate = "duplicate";
}

/// <summary>One entry's outcome; <see cref="Errors"/> uses the same keys as a single create (<c>items[0].quantity</c>).</summary>
public sealed record BatchOrderResult(int Index, string? OrderId, string Status, IDictionary<string, string[]>? Errors = null);

public sealed record BatchCreateOrdersResponse(IReadOnlyList<BatchOrderResult> Results);
