using OrderPlatform.Contracts.Payments;
using OrderPlatform.PaymentService.Payments;

namespace OrderPlatform.PaymentService.Storage;

/// <summary>refund: Refunded once for a charged payment (the customer's total goes back down); NotCharged otherwise.</summary>
public sealed partial class PaymentRepository
{
    public Task<RefundResult> RefundAsync(RefundRequest request, CancellationToken ct) =>
        retry.ExecuteAsync(token => TryRefundAsync(request, token), ct).AsTask();

    private async ValueTask<RefundResult> TryRefundAsync(RefundRequest request, CancellationToken ct)
    {
        var paymentKey = StateKeys.Payment(request.OrderId);
        var payment = await ReadAsync<PaymentRecord>(paymentKey, ct);
        switch (payment.Value?.Status)
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
}
