using System.Security.Cryptography;
using System.Text;
using OrderPlatform.DevSidecar.Configuration;

namespace OrderPlatform.DevSidecar.Security;

/// <summary>
/// With DAPR_API_TOKEN set, every call except health must carry it: HTTP header / gRPC metadata <c>dapr-api-token</c>.
/// HTTP answers 401 like daprd; gRPC answers Unauthenticated.
/// </summary>
public sealed class ApiTokenMiddleware(RequestDelegate next, SidecarSettings settings)
{
    public const string Header = "dapr-api-token";
    private readonly byte[]? expected = settings.ApiToken is null ? null : Encoding.UTF8.GetBytes(settings.ApiToken);

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (expected is null || context.Request.Path.StartsWithSegments("/v1.0/healthz") || Matches(context.Request.Headers[Header].ToString()))
        {
            return next(context);
        }

        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true)
        {
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = "16";
            context.Response.Headers["grpc-message"] = "authentication error: api token mismatch";
            return Task.CompletedTask;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return context.Response.WriteAsync("invalid api token");
    }

    private bool Matches(string token) =>
        token.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), expected);
}
