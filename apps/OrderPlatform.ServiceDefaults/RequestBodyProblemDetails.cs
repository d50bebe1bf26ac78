using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.ServiceDefaults.RequestBodies;

namespace OrderPlatform.ServiceDefaults;

/// <summary>
/// Opt-in: an unreadable JSON body (wrong type, bad enum, malformed JSON, missing body) becomes a 400 validation
/// ProblemDetails naming the field from the JSON path (<c>errors: { "items[0].quantity": [...] }</c>) instead of an
/// empty 400. Opt in with <c>builder.Services.AddRequestBodyProblemDetails()</c>; with
/// <see cref="StrictRequestBodies.AddStrictRequestBodies"/> a missing/null required field or an unknown one is named too.
/// </summary>
public static class RequestBodyProblemDetails
{
    public static IServiceCollection AddRequestBodyProblemDetails(this IServiceCollection services)
    {
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestBodyHandler>();
        return services;
    }

    internal sealed class BadRequestBodyHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not BadHttpRequestException bad)
            {
                return false;
            }

            if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                // The server cut the body off at the route's size limit while it was read: a 413, not a bad field.
                httpContext.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return await problems.TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = httpContext,
                    Exception = exception,
                    ProblemDetails = { Status = StatusCodes.Status413PayloadTooLarge, Title = "Request body too large", Detail = bad.Message },
                });
            }

            var errors = bad.InnerException is JsonException json
                ? JsonBodyErrors.From(json)
                : new Dictionary<string, string[]> { ["body"] = [bad.Message] };
            httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails = new HttpValidationProblemDetails(errors)
                {
                    Status = StatusCodes.Status400BadRequest,
                },
            });
        }
    }
}
