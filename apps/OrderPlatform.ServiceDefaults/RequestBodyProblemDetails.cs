using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace OrderPlatform.ServiceDefaults;

/// <summary>
/// Opt-in: an unreadable JSON body (wrong type, bad enum, malformed JSON, missing body) becomes a 400 validation
/// ProblemDetails naming the field from the JSON path (<c>errors: { "items[0].quantity": [...] }</c>) instead of an
/// empty 400. Opt in with <c>builder.Services.AddRequestBodyProblemDetails()</c>.
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

            var (field, message) = bad.InnerException is JsonException json
                ? (FieldFromPath(json.Path), "The value is not valid JSON for this field.")
                : ("body", bad.Message);
            httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
                {
                    Status = StatusCodes.Status400BadRequest,
                },
            });
        }

        private static string FieldFromPath(string? path)
        {
            var field = (path ?? string.Empty).TrimStart('$').TrimStart('.');
            return field.Length == 0 ? "body" : field;
        }
    }
}
