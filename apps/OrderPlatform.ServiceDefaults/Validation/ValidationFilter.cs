using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OrderPlatform.ServiceDefaults.Validation;

/// <summary>Validates the <typeparamref name="T"/> body before the handler runs: 400 ProblemDetails naming each field.</summary>
public sealed class ValidationFilter<T>(IValidator<T> validator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Arguments.OfType<T>().FirstOrDefault() is { } body)
        {
            var result = await validator.ValidateAsync(body, context.HttpContext.RequestAborted);
            if (!result.IsValid)
            {
                return TypedResults.ValidationProblem(result.ToDictionary());
            }
        }

        return await next(context);
    }
}

public static class ValidationEndpointExtensions
{
    public static RouteHandlerBuilder Validate<T>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem();

    /// <summary>
    /// Route values that become state keys (<c>/api/inventory/{productId}</c>) must be valid <see cref="Identifiers"/>:
    /// a 400 ValidationProblem naming the route value otherwise, before the handler (and the body's validation) runs.
    /// </summary>
    public static RouteHandlerBuilder ValidateRouteIds(this RouteHandlerBuilder builder, params string[] routeValues) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var errors = routeValues
                .Where(name => !Identifiers.IsValid(context.HttpContext.Request.RouteValues[name] as string))
                .ToDictionary(name => name, name => new[] { Identifiers.MessageFor(name) }, StringComparer.Ordinal);
            return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : await next(context);
        }).ProducesValidationProblem();
}
