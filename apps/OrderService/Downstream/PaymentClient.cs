using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Payments;

namespace OrderPlatform.OrderService.Downstream;

/// <summary>payment-service through Dapr service invocation. A decline is a 200 with status Declined.</summary>
public sealed class PaymentClient(HttpClient http)
{
    public Task<PaymentResult> ChargeAsync(PaymentRequest request, CancellationToken ct = default) =>
        HttpJson.PostAsync<PaymentRequest, PaymentResult>(http, PaymentMethods.ProcessPayment, request, ct);

    public Task<RefundResult> RefundAsync(RefundRequest request, CancellationToken ct = default) =>
        HttpJson.PostAsync<RefundRequest, RefundResult>(http, PaymentMethods.Refund, request, ct);
}
