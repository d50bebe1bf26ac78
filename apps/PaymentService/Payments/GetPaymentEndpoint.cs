using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.PaymentService.Storage;
using OrderPlatform.ServiceDefaults.Validation;

namespace OrderPlatform.PaymentService.Payments;

/// <summary><c>GET /api/payments/{orderId}</c>: the stored payment record, or a 404 ProblemDetails.</summary>
internal static class GetPaymentEndpoint
{
    public static async Task<Results<Ok<PaymentRecord>, ProblemHttpResult>> HandleAsync(
        string orderId, PaymentRepository repository, CancellationToken ct) =>
        // An id process-payment would refuse has no record: no need to ask the store.
        Identifiers.IsValid(orderId) && (await repository.GetPaymentAsync(orderId, ct)).Value is { } record
            ? TypedResults.Ok(record)
            : TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Unknown payment",
                detail: $"No payment is recorded for order '{orderId}'.");
}
