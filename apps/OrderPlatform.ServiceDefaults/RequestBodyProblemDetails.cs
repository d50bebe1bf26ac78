using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderPlatform.ServiceDefaults.RequestBodies;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace OrderPlatform.ServiceDefaults;

/// <summary>
/// Opt-in: an unreadable JSON body (wrong type, bad enum, malformed JSON, missing body) becomes a 400 validation
/// ProblemDetails naming the field from the JSON path (<c>errors: { "items[0].quantity": [...] }</c>) instead of an
/// empty 400. Opt in with <c>builder.Services.AddRequestBodyProblemDetails()</c>; with
/// <see cref="StrictRequestBodies.AddStrictRequestBodies"/> a missing/null required field or an unknown one is named too.
/// JSON request bodies are buffered so that, on a failure, <see cref="JsonBodyErrors"/> can read the document the
/// endpoint's body type (its <see cref="IAcceptsMetadata.RequestType"/>) was read from.
/// </summary>
public static class RequestBodyProblemDetails
{
    public static IServiceCollection AddRequestBodyProblemDetails(this IServiceCollection services)
    {
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestBodyHandler>();
        services.AddTransient<IStartupFilter, BufferJsonBodies>();
        return services;
    }

    /// <summary>First in the pipeline: a JSON body can be read again after binding failed on it.</summary>
    internal sealed class BufferJsonBodies : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.HasJsonContentType())
                {
                    context.Request.EnableBuffering();
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }

    internal sealed class BadRequestBodyHandler(IProblemDetailsService problems, IOptions<HttpJsonOptions> json) : IExceptionHandler
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

            Dictionary<string, string[]> errors;
            if (bad.InnerException is JsonException error)
            {
                // Without the endpoint's body type only the path is known: "not valid JSON" at that field.
                // The exception handler middleware clears the endpoint before handlers run; its feature keeps it.
                var endpoint = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? httpContext.GetEndpoint();
                var bodyType = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
                var document = bodyType is null ? null : await ReadBodyAsync(httpContext.Request, cancellationToken);
                errors = JsonBodyErrors.From(error, json.Value.SerializerOptions.GetTypeInfo(bodyType ?? typeof(JsonElement)), document);
            }
            else
            {
                errors = new Dictionary<string, string[]> { ["body"] = [bad.Message] };
            }

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

        /// <summary>The buffered body as JSON; null when it is not JSON (malformed) or cannot be read again.</summary>
        private static async Task<JsonElement?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
        {
            if (!request.Body.CanSeek)
            {
                return null;
            }

            try
            {
                request.Body.Position = 0;
                using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
                return document.RootElement.Clone();
            }
            catch (Exception ex) when (ex is JsonException or BadHttpRequestException or IOException)
            {
                return null;
            }
        }
    }
}
