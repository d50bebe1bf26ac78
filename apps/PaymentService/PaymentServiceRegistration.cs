using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.Extensions.Options;
using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Payments;
using OrderPlatform.PaymentService.Faults;
using OrderPlatform.PaymentService.Payments;
using OrderPlatform.PaymentService.Signing;
using OrderPlatform.PaymentService.Storage;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.ServiceDefaults.RequestBodies;
using OrderPlatform.ServiceDefaults.State;
using OrderPlatform.ServiceDefaults.Validation;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.PaymentService;

/// <summary>Everything payment-service registers besides the service defaults, and its route table.</summary>
public static class PaymentServiceRegistration
{
    public static IHostApplicationBuilder AddPaymentService(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddValidatedOptions<PaymentServiceOptions>(PaymentServiceOptions.SectionName);
        builder.AddStateStore(Components.PaymentStore);
        // Dapr-invoked methods skip unknown members (a newer order-service may send more); FaultRequest refuses them.
        builder.Services.AddStrictRequestBodies(JsonUnmappedMemberHandling.Skip);

        var services = builder.Services;
        services.AddSingleton<GatewayKey>();
        services.AddSingleton<PaymentSigner>();
        services.AddSingleton<PaymentRepository>();
        services.AddSingleton<PaymentHandler>();
        services.AddSingleton<FaultInjector>();
        services.AddHostedService<GatewayKeyLoader>();
        services.AddHealthChecks().AddCheck<GatewayKeyHealthCheck>("payment-gateway-key");

        services.AddSingleton<IValidator<PaymentRequest>, PaymentRequestValidator>();
        services.AddSingleton<IValidator<RefundRequest>, RefundRequestValidator>();
        services.AddSingleton<IValidator<FaultRequest>, FaultRequestValidator>();
        return builder;
    }

    public static IEndpointRouteBuilder MapPaymentServiceEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var faultInjection = app.ServiceProvider.GetRequiredService<IOptions<PaymentServiceOptions>>().Value.FaultInjection.Enabled;

        // process-payment and refund (Dapr service invocation): an armed fault answers first, then 503 until the key is loaded.
        var methods = app.MapGroup(string.Empty);
        if (faultInjection)
        {
            methods.AddEndpointFilter<FaultInjectionFilter>();
        }

        methods.AddEndpointFilter<GatewayKeyRequiredFilter>();
        methods.MapPost($"/{PaymentMethods.ProcessPayment}", ProcessPaymentEndpoint.HandleAsync).Validate<PaymentRequest>().WithName("ProcessPayment").RequireDaprCaller(AppIds.OrderService);
        methods.MapPost($"/{PaymentMethods.Refund}", RefundEndpoint.HandleAsync).Validate<RefundRequest>().WithName("Refund").RequireDaprCaller(AppIds.OrderService);

        // A read no app of the platform makes today (tests and operators do, through a sidecar): any platform app through
        // Dapr, never a call straight to the app port.
        app.MapGet("/api/payments/{orderId}", GetPaymentEndpoint.HandleAsync).WithTags("Payments").WithName("GetPayment")
            .RequireDaprCaller([.. AppIds.All]);

        // Resiliency tests only, so two locks: not mapped at all unless Payments:FaultInjection:Enabled (off by default,
        // never set by infra/), and when mapped, only through Dapr (never a call to the app port). Any platform app, not
        // order-service only: the tests open order-service's own circuit breaker to payment-service (per caller sidecar
        // and target, in daprd as in the dev sidecar), so they reach the switch through another app's sidecar.
        if (faultInjection)
        {
            var admin = app.MapGroup("/admin/faults").WithTags("Fault injection").RequireDaprCaller([.. AppIds.All]);
            admin.MapGet("/", GetFaultsEndpoint.Handle).WithName("GetFaults");
            admin.MapPost("/", ArmFaultsEndpoint.Handle).Validate<FaultRequest>().WithName("ArmFaults");
            admin.MapDelete("/", ClearFaultsEndpoint.Handle).WithName("ClearFaults");
        }

        return app;
    }
}
