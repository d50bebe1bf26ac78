using OrderPlatform.Contracts.Payments;
using OrderPlatform.PaymentService.Storage;

namespace OrderPlatform.PaymentService.Payments;

/// <summary>Hands charges and refunds to the repository and logs outcomes (never the token or the key).</summary>
public sealed class PaymentHandler(PaymentRepository repository, ILogger<PaymentHandler> logger)
{
    public async Task<PaymentResult> ChargeAsync(PaymentRequest request, CancellationToken ct)
    {
        var result = await repository.ChargeAsync(request, ct);
        logger.LogInformation("Payment {PaymentId} for order {OrderId}: {Status} {Reason}",
            result.PaymentId, result.OrderId, result.Status, result.DeclineReason);
        return result;
    }

    public async Task<RefundResult> RefundAsync(RefundRequest request, CancellationToken ct)
    {
        var result = await repository.RefundAsync(request, ct);
        logger.LogInformation("Refund for order {OrderId}: {Status}", result.OrderId, result.Status);
        return result;
    }
}
