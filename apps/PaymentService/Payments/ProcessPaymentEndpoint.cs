using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Contracts.Payments;

namespace OrderPlatform.PaymentService.Payments;

/// <summary><c>POST /process-payment</c> (Dapr service invocation): a decline is a 200 with status Declined and a reason.</summary>
internal static class ProcessPaymentEndpoint
{
    public static async Task<Ok<PaymentResult>> HandleAsync(PaymentRequest request, PaymentHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.ChargeAsync(request, ct));
}
