using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.OrderService.Limits;

/// <summary>
/// Abuse limits of the public API: a fixed-window write rate per caller (ASP.NET Core rate limiting; 429 +
/// <c>Retry-After</c> + ProblemDetails) and a small request body size (413 ProblemDetails), both from
/// <see cref="RequestLimitsOptions"/>. Reads are not limited.
/// </summary>
public static class RequestLimitsRegistration
{
    private const string BatchPath = "/api/orders/batch";

    public static IHostApplicationBuilder AddRequestLimits(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddValidatedOptions<RequestLimitsOptions>(RequestLimitsOptions.SectionName)
            .Validate(o => o.MaxBatchBodyBytes >= o.MaxBodyBytes, "RequestLimits:MaxBatchBodyBytes may not be below MaxBodyBytes.");

        // Kestrel's own cap (30 MB by default) becomes the largest body any route takes; each route's smaller limit is
        // set per request below, before the body is read.
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestLimitsOptions>>((kestrel, limits) =>
            kestrel.Limits.MaxRequestBodySize = limits.Value.MaxBatchBodyBytes);

        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!IsWrite(context.Request))
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }

                var options = context.RequestServices.GetRequiredService<IOptions<RequestLimitsOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(CallerOf(context, options), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.WritesPerWindow,
                    Window = options.Window,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = async (rejected, ct) =>
            {
                var http = rejected.HttpContext;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? wait
                    : http.RequestServices.GetRequiredService<IOptions<RequestLimitsOptions>>().Value.Window;
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = $"This caller sent more than the allowed writes in its window; retry after {http.Response.Headers.RetryAfter} s. Nothing was done.",
                    },
                });
            };
        });
        return builder;
    }

    /// <summary>
    /// The limits' middleware, after routing (and after authentication, which runs first when it is registered, so an
    /// authenticated caller is partitioned by identity): the body size check, then the write rate.
    /// </summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(LimitBodySizeAsync);
        app.UseRateLimiter();
        return app;
    }

    /// <summary>The caller's partition: its identity when authenticated, else its client IP.</summary>
    internal static string CallerOf(HttpContext context, RequestLimitsOptions options)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            var name = string.IsNullOrEmpty(options.CallerClaim) ? user.Identity.Name : user.FindFirst(options.CallerClaim)?.Value;
            if (!string.IsNullOrEmpty(name))
            {
                return $"user:{name}";
            }
        }

        return $"ip:{ClientIp(context, options)}";
    }

    private static string ClientIp(HttpContext context, RequestLimitsOptions options)
    {
        if (options.ClientIpFromForwardedFor)
        {
            // MicrosoftDocs/azure-docs articles/container-apps/ingress-overview.md (HTTP headers): ACA's ingress appends
            // the sender's IP to X-Forwarded-For and vouches only for the right-most entry.
            var forwarded = context.Request.Headers["X-Forwarded-For"].ToString();
            var last = forwarded.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
            if (last is not null && IPAddress.TryParse(last, out var ip))
            {
                return ip.ToString();
            }
        }

        return context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    private static bool IsWrite(HttpRequest request) =>
        (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method) || HttpMethods.IsDelete(request.Method))
        && request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A declared body above the route's limit is a 413 before anything is read; an undeclared (chunked) one is cut off
    /// by the server at the same limit while it is read (Kestrel's <see cref="IHttpMaxRequestBodySizeFeature"/>), which
    /// the kit's request-body ProblemDetails answer as 413 too.
    /// </summary>
    private static async Task LimitBodySizeAsync(HttpContext context, Func<Task> next)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<RequestLimitsOptions>>().Value;
        var limit = context.Request.Path.StartsWithSegments(BatchPath, StringComparison.OrdinalIgnoreCase)
            ? options.MaxBatchBodyBytes
            : options.MaxBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "Request body too large",
                    Detail = $"This route takes bodies of at most {limit} bytes; nothing was done.",
                },
            });
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        await next();
    }
}
