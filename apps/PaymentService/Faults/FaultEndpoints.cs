using OrderPlatform.ServiceDefaults.Validation;

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

/// <summary><c>/admin/faults</c>, mapped only when <c>Payments:FaultInjection:Enabled</c> is true.</summary>
public static class FaultEndpoints
{
    public static IEndpointRouteBuilder MapFaultEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin/faults").WithTags("Fault injection");
        admin.MapGet("/", (FaultInjector faults) => TypedResults.Ok(faults.Current()))
            .WithName("GetFaults");
        admin.MapPost("/", (FaultRequest request, FaultInjector faults) =>
                TypedResults.Ok(faults.Arm(request.FailNext, request.StatusCode)))
            .Validate<FaultRequest>()
            .WithName("ArmFaults");
        admin.MapDelete("/", (FaultInjector faults) =>
        {
            faults.Clear();
            return TypedResults.NoContent();
        }).WithName("ClearFaults");
        return app;
    }
}
