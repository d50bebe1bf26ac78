using OrderPlatform.Contracts.Payments;

namespace OrderPlatform.PaymentService.Payments;

/// <summary>
/// The one payment of an order, stored as <c>payment-{orderId}</c> and returned by <c>GET /api/payments/{orderId}</c>.
/// <see cref="Signature"/> is HMAC-SHA256 (hex) of <c>orderId|amount|status</c> with the gateway key.
/// </summary>
public sealed record PaymentRecord(
    string OrderId,
    string PaymentId,
    string CustomerId,
    decimal Amount,
    string Currency,
    PaymentStatus Status,
    string? DeclineReason,
    DateTimeOffset ProcessedAt,
    DateTimeOffset? RefundedAt = null,
    string? RefundReason = null,
    string Signature = "")
{
    public PaymentResult ToResult() => new(OrderId, PaymentId, Status, Amount, DeclineReason, ProcessedAt);
}

/// <summary>Running total of a customer's charged (not refunded) amounts, stored as <c>customer-{customerId}</c>.</summary>
public sealed record CustomerTotal(string CustomerId, decimal Charged);
