using System.Text.Json;
using FluentValidation;
using OrderPlatform.Contracts.Orders;

namespace OrderPlatform.OrderService.Orders.Batch;

/// <summary>
/// Body of <c>POST /api/orders/batch</c>: <c>orders</c> (required), 1..100 orders. Each entry is a
/// <see cref="CreateOrderRequest"/> read and validated on its own (<see cref="BatchEntryReader"/>), so one entry with a
/// missing, null, mistyped or unknown field is rejected alone instead of failing the whole batch.
/// </summary>
public sealed record BatchCreateOrdersRequest(IReadOnlyList<JsonElement> Orders)
{
    public const int MaxOrders = 100;
}

/// <summary>The batch as a whole: 1 to <see cref="BatchCreateOrdersRequest.MaxOrders"/> entries (each entry is judged on its own).</summary>
public sealed class BatchCreateOrdersRequestValidator : AbstractValidator<BatchCreateOrdersRequest>
{
    public BatchCreateOrdersRequestValidator() =>
        RuleFor(r => r.Orders)
            .Must(orders => orders.Count is > 0 and <= BatchCreateOrdersRequest.MaxOrders)
            .WithMessage($"'{{PropertyName}}' must hold 1 to {BatchCreateOrdersRequest.MaxOrders} orders.");
}

/// <summary>One entry as read: the request, or the errors that kept it from being read (keys as for a single create).</summary>
public sealed record BatchEntry(CreateOrderRequest? Request, IDictionary<string, string[]>? ReadErrors = null);

public static class BatchItemStatus
{
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
    public const string Duplicate = "duplicate";
}

/// <summary>One entry's outcome; <see cref="Errors"/> uses the same keys as a single create (<c>items[0].quantity</c>).</summary>
public sealed record BatchOrderResult(int Index, string? OrderId, string Status, IDictionary<string, string[]>? Errors = null);

public sealed record BatchCreateOrdersResponse(IReadOnlyList<BatchOrderResult> Results);
