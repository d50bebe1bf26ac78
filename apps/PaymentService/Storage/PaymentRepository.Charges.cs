using Dapr.Client;
using OrderPlatform.Contracts.Payments;
using OrderPlatform.PaymentService.Payments;

namespace OrderPlatform.PaymentService.Storage;

/// <summary>process-payment: idempotent by order id; the first outcome (Charged or Declined) is final.</summary>
public sealed partial class PaymentRepository
{
    public Task<PaymentResult> ChargeAsync(PaymentRequest request, CancellationToken ct) =>
        retry.ExecuteAsync(token => TryChargeAsync(request, token), ct).AsTask();

    private async ValueTask<PaymentResult> TryChargeAsync(PaymentRequest request, CancellationToken ct)
    {
        var paymentKey = StateKeys.Payment(request.OrderId);
        if ((await ReadAsync<PaymentRecord>(paymentKey, ct)).Value is { } first)
        {
            return first.ToResult();
        }

        var customerKey = StateKeys.Customer(request.CustomerId);
        var total = await ReadAsync<CustomerTotal>(customerKey, ct);
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

        var operations = new List<StateTransactionRequest>();
        if (reason is null)
        {
            operations.Add(Upsert(customerKey, new CustomerTotal(request.CustomerId, charged + request.Amount), total.ETag));
        }

        operations.Add(Upsert(paymentKey, record, etag: null));
        await CommitAsync(operations, ct);
        return record.ToResult();
    }
}
