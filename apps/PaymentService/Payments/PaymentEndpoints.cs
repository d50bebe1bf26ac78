using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Payments;
using OrderPlatform.PaymentService.Faults;
using OrderPlatform.PaymentService.Signing;
using OrderPlatform.PaymentService.Storage;
using OrderPlatform.ServiceDefaults.Validation;

namespace OrderPlatform.PaymentService.Payments;

/// <summary>process-payment and refund (Dapr service invocation) plus the read-only payment API.</summary>
public static class PaymentEndpoints
{
    public static IEndpointRouteBuilder MapPaymentEndpoints(this IEndpointRouteBuilder app, bool faultInjection)
    {
        var methods = app.MapGroup(string.Empty);
        if (faultInjection)
        {
            methods.AddEndpointFilter<FaultInjectionFilter>();
        }

        methods.AddEndpointFilter<GatewayKeyRequiredFilter>();
        methods.MapPost($"/{PaymentMethods.ProcessPayment}",
                (PaymentRequest request, PaymentHandler handler, CancellationToken ct) => handler.ChargeAsync(request, ct))
            .Validate<PaymentRequest>()
            .WithName("ProcessPayment");
        methods.MapPost($"/{PaymentMethods.Refund}",
                (RefundRequest request, PaymentHandler handler, CancellationToken ct) => handler.RefundAsync(request, ct))
            .Validate<RefundRequest>()
            .WithName("Refund");

        app.MapGet("/api/payments/{orderId}", GetAsync).WithTags("Payments").WithName("GetPayment");
        return app;
    }

    private static async Task<Results<Ok<PaymentRecord>, ProblemHttpResult>> GetAsync(
        string orderId, PaymentRepository repository, CancellationToken ct) =>
        await repository.GetAsync(orderId, ct) is { } record
            ? TypedResults.Ok(record)
            : TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Unknown payment",
                detail: $"No payment is recorded for order '{orderId}'.");
}
