using OrderPlatform.OrderService.Orders.Batch;
using OrderPlatform.OrderService.Orders.Create;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.OrderService.Orders.Admission;

/// <summary>Admission control: <c>builder.AddOrderAdmission()</c> and <c>orders.UseOrderAdmission()</c> on the order route group.</summary>
public static class AdmissionRegistration
{
    public static IHostApplicationBuilder AddOrderAdmission(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddValidatedOptions<AdmissionOptions>(AdmissionOptions.SectionName);
        builder.Services.AddSingleton<OrderAdmission>();
        builder.Services.AddSingleton<AdmissionFilter>();
        return builder;
    }

    /// <summary>The filter on the two routes that create orders (the group's other routes are left alone).</summary>
    public static RouteGroupBuilder UseOrderAdmission(this RouteGroupBuilder orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        orders.AddEndpointFilterFactory((context, next) =>
        {
            var handler = context.MethodInfo.DeclaringType;
            if (handler != typeof(CreateOrderEndpoint) && handler != typeof(BatchOrdersEndpoint))
            {
                return next;
            }

            var filter = context.ApplicationServices.GetRequiredService<AdmissionFilter>();
            return invocation => filter.InvokeAsync(invocation, next);
        });
        return orders;
    }
}
