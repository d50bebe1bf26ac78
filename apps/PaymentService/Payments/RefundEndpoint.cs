using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Contracts.Payments;

namespace OrderPlatform.PaymentService.Payments;

/// <summary><c>POST /refund</c> (Dapr service invocation, the workflow's compensation).</summary>
internal static class RefundEndpoint
{
    public static async Task<Ok<RefundResult>> HandleAsync(RefundRequest request, PaymentHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.RefundAsync(request, ct));
}
