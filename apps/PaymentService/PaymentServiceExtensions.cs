using FluentValidation;
using Microsoft.Extensions.Options;
using OrderPlatform.Contracts.Payments;
using OrderPlatform.PaymentService.Configuration;
using OrderPlatform.PaymentService.Faults;
using OrderPlatform.PaymentService.Payments;
using OrderPlatform.PaymentService.Signing;
using OrderPlatform.PaymentService.Storage;
using OrderPlatform.PaymentService.Validation;
using OrderPlatform.ServiceDefaults.Validation;

namespace OrderPlatform.PaymentService;

/// <summary>Service registrations and the route table of payment-service.</summary>
public static class PaymentServiceExtensions
{
    public static IServiceCollection AddPaymentService(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PaymentOptions>()
            .Bind(configuration.GetSection(PaymentOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<GatewayKey>();
        services.AddSingleton<PaymentSigner>();
        services.AddSingleton<PaymentRepository>();
        services.AddSingleton<PaymentHandler>();
        services.AddSingleton<FaultInjector>();
        services.AddHostedService<GatewayKeyLoader>();
        services.AddHealthChecks().AddCheck<GatewayKeyHealthCheck>("payment-gateway-key", tags: ["ready"]);
        services.AddSingleton<IValidator<PaymentRequest>, PaymentRequestValidator>();
        services.AddSingleton<IValidator<RefundRequest>, RefundRequestValidator>();
        services.AddSingleton<IValidator<FaultRequest>, FaultRequestValidator>();
        return services;
    }

    public static WebApplication MapPaymentEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var faultInjection = app.Services.GetRequiredService<IOptions<PaymentOptions>>().Value.FaultInjection.Enabled;
        app.MapPaymentEndpoints(faultInjection);
        if (faultInjection)
        {
            app.MapFaultEndpoints();
        }

        return app;
    }
}
