namespace OrderPlatform.PaymentService.Faults;

/// <summary>Answers an armed call with the injected status before anything else runs (nothing is stored).</summary>
public sealed class FaultInjectionFilter(FaultInjector faults) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return faults.TryTake(out var status)
            ? TypedResults.Problem(statusCode: status, title: "Injected fault", detail: "Payments:FaultInjection is on.")
            : await next(context);
    }
}
