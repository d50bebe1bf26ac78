namespace OrderPlatform.Contracts.Payments;

/// <summary>Body of payment-service <c>process-payment</c>; idempotent by <paramref name="OrderId"/>.</summary>
public sealed record PaymentRequest(string OrderId, string CustomerId, decimal Amount, string Currency, string PaymentToken);

public enum PaymentStatus
{
    Charged,
    Declined,
    Refunded,
}

/// <summary>Outcome of a charge. A decline is a 200 with status Declined and a reason, never an error.</summary>
public sealed record PaymentResult(
    string OrderId,
    string PaymentId,
    PaymentStatus Status,
    decimal Amount,
    string? DeclineReason,
    DateTimeOffset ProcessedAt);

/// <summary>Body of payment-service <c>refund</c>; idempotent by <paramref name="OrderId"/>.</summary>
public sealed record RefundRequest(string OrderId, string Reason);

public enum RefundStatus
{
    Refunded,
    NotCharged,
}

public sealed record RefundResult(string OrderId, RefundStatus Status);
