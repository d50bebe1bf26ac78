using OrderPlatform.Contracts.Payments;
using OrderPlatform.PaymentService.Payments;

namespace OrderPlatform.PaymentService.Storage;

/// <summary>
/// refund: Refunded once for a charged payment (the customer's total goes back down); NotCharged otherwise. A refund for
/// an order with no payment at all leaves a void record, so a charge that arrives after it (a slow or retried
/// process-payment) is declined instead of charging an order that was already compensated.
/// </summary>
public sealed partial class PaymentRepository
{
    public const string VoidedReason = "voided: the order was refunded before any charge arrived";

    public Task<RefundResult> RefundAsync(RefundRequest request, CancellationToken ct) =>
        retry.ExecuteAsync(token => TryRefundAsync(request, token), ct).AsTask();

    private async ValueTask<RefundResult> TryRefundAsync(RefundRequest request, CancellationToken ct)
    {
        var paymentKey = StateKeys.Payment(request.OrderId);
        var payment = await ReadAsync<PaymentRecord>(paymentKey, ct);
        if (payment.Value is null)
        {
            await CommitAsync([Upsert(paymentKey, Void(request), etag: null)], ct);
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
        var customerKey = StateKeys.Customer(charge.CustomerId);
        var total = await ReadAsync<CustomerTotal>(customerKey, ct);
        var remaining = Math.Max(0m, (total.Value?.Charged ?? 0m) - charge.Amount);
        var refunded = signer.Sign(charge with
        {
            Status = PaymentStatus.Refunded,
            RefundedAt = time.GetUtcNow(),
            RefundReason = request.Reason,
        });

        await CommitAsync(
            [
                Upsert(customerKey, new CustomerTotal(charge.CustomerId, remaining), total.ETag),
                Upsert(paymentKey, refunded, payment.ETag),
            ],
            ct);
        return new RefundResult(request.OrderId, RefundStatus.Refunded);
    }

    /// <summary>A declined, zero-amount record: what a later charge for this order returns.</summary>
    private PaymentRecord Void(RefundRequest request) => signer.Sign(new PaymentRecord(
        request.OrderId, $"void_{Guid.NewGuid():N}", CustomerId: string.Empty, Amount: 0m, Currency: string.Empty,
        PaymentStatus.Declined, VoidedReason, time.GetUtcNow(), RefundedAt: time.GetUtcNow(), RefundReason: request.Reason));
}
