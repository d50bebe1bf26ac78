using Microsoft.Extensions.Options;
using OrderPlatform.Contracts.Payments;
using OrderPlatform.PaymentService.Signing;
using OrderPlatform.PaymentService.Storage;

namespace OrderPlatform.PaymentService.Payments;

/// <summary>
/// Charges and refunds. Each is a read-decide-save over the order's payment record and the customer's running total,
/// saved in one state transaction at the versions read (the record inserted first-write when it is new), so two
/// racing calls for one order charge once and two orders of one customer never pass the limit together: the loser's
/// transaction fails, and it reads and decides again. Logs outcomes (never the token or the key).
/// </summary>
public sealed class PaymentHandler(
    PaymentRepository repository, PaymentSigner signer, IOptions<PaymentServiceOptions> options, TimeProvider time,
    ILogger<PaymentHandler> logger)
{
    public const string VoidedReason = "voided: the order was refunded before any charge arrived";

    private readonly PaymentServiceOptions settings = options.Value;

    /// <summary>process-payment: idempotent by order id; the first outcome (Charged or Declined) is final.</summary>
    public async Task<PaymentResult> ChargeAsync(PaymentRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await repository.RetryOnConflictAsync(token => TryChargeAsync(request, token), ct);
        logger.LogInformation("Payment {PaymentId} for order {OrderId}: {Status} {Reason}",
            result.PaymentId, result.OrderId, result.Status, result.DeclineReason);
        return result;
    }

    /// <summary>
    /// refund: Refunded once for a charged payment (the customer's total goes back down); NotCharged otherwise. A refund
    /// for an order with no payment at all leaves a void record, so a charge that arrives after it (a slow or retried
    /// process-payment) is declined instead of charging an order that was already compensated.
    /// </summary>
    public async Task<RefundResult> RefundAsync(RefundRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await repository.RetryOnConflictAsync(token => TryRefundAsync(request, token), ct);
        logger.LogInformation("Refund for order {OrderId}: {Status}", result.OrderId, result.Status);
        return result;
    }

    private async Task<PaymentResult> TryChargeAsync(PaymentRequest request, CancellationToken ct)
    {
        var (payment, total) = await repository.GetPaymentAndTotalAsync(request.OrderId, request.CustomerId, ct);
        if (payment.Value is { } first)
        {
            return first.ToResult();
        }

        var charged = total.Value?.Charged ?? 0m;
        var reason = DeclineRules.Evaluate(request, charged, settings);
        var record = signer.Sign(new PaymentRecord(
            request.OrderId,
            $"pay_{Guid.NewGuid():N}",
            request.CustomerId,
            request.Amount,
            request.Currency.ToUpperInvariant(),
            reason is null ? PaymentStatus.Charged : PaymentStatus.Declined,
            reason,
            time.GetUtcNow()));

        var newTotal = reason is null ? new CustomerTotal(request.CustomerId, charged + request.Amount) : null;
        await repository.SaveAsync(record, recordETag: null, newTotal, total.ETag, ct);
        return record.ToResult();
    }

    private async Task<RefundResult> TryRefundAsync(RefundRequest request, CancellationToken ct)
    {
        var payment = await repository.GetPaymentAsync(request.OrderId, ct);
        if (payment.Value is null)
        {
            await repository.SaveAsync(Void(request), recordETag: null, total: null, totalETag: null, ct);
            return new RefundResult(request.OrderId, RefundStatus.NotCharged);
        }

        switch (payment.Value.Status)
        {
            case PaymentStatus.Refunded:
                return new RefundResult(request.OrderId, RefundStatus.Refunded);
            case not PaymentStatus.Charged:
                return new RefundResult(request.OrderId, RefundStatus.NotCharged);
        }

        var charge = payment.Value;
        var total = await repository.GetTotalAsync(charge.CustomerId, ct);
        var remaining = Math.Max(0m, (total.Value?.Charged ?? 0m) - charge.Amount);
        var refunded = signer.Sign(charge with
        {
            Status = PaymentStatus.Refunded,
            RefundedAt = time.GetUtcNow(),
            RefundReason = request.Reason,
        });

        await repository.SaveAsync(refunded, payment.ETag, new CustomerTotal(charge.CustomerId, remaining), total.ETag, ct);
        return new RefundResult(request.OrderId, RefundStatus.Refunded);
    }

    /// <summary>A declined, zero-amount record: what a later charge for this order returns.</summary>
    private PaymentRecord Void(RefundRequest request) => signer.Sign(new PaymentRecord(
        request.OrderId, $"void_{Guid.NewGuid():N}", CustomerId: string.Empty, Amount: 0m, Currency: string.Empty,
        PaymentStatus.Declined, VoidedReason, time.GetUtcNow(), RefundedAt: time.GetUtcNow(), RefundReason: request.Reason));
}
