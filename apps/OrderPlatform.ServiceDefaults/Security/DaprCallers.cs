using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace OrderPlatform.ServiceDefaults.Security;

/// <summary>
/// Who may call an endpoint through Dapr. Two proofs, both from the app's own sidecar:
/// <list type="bullet">
/// <item>the app API token: daprd puts <c>APP_API_TOKEN</c> in <c>dapr-api-token</c> on every call it makes to the app,
/// set over whatever a caller sent (dapr/dapr pkg/channel/http/http_channel.go); Azure Container Apps injects a random
/// token per app and revision into the app's <c>APP_API_TOKEN</c> and gives it to the app's daprd (Microsoft's "Enable
/// token authentication for Dapr requests"). Checked by the Dapr SDK's authentication handler (scheme <c>Dapr</c>); a
/// call that did not come through the sidecar has no token: 401. No token configured: every guarded call is 401.</item>
/// <item>the caller's app-id: on service invocation daprd stamps <c>dapr-caller-app-id</c> with the calling sidecar's
/// app-id (dapr/dapr pkg/messaging/direct_messaging.go, addCallerAndCalleeAppIDHeaderToMetadata). A value forged by the
/// caller under another spelling of the name can travel beside it (the map keys differ, the app's HTTP header merges
/// them), so exactly one value is required: a forgery makes two, and two are refused (403).</item>
/// </list>
/// Separate from the public API's user authentication: the policies name the <c>Dapr</c> scheme, so a default scheme
/// (JWT bearer) is never consulted for them.
/// </summary>
public static class DaprCallers
{
    public const string Scheme = "Dapr";
    public const string CallerHeader = "dapr-caller-app-id";
    public const string TokenHeader = "dapr-api-token";

    /// <summary>The configuration key of the app API token (the environment variable daprd and ACA use).</summary>
    public const string TokenSetting = "APP_API_TOKEN";

    /// <summary>Registers the <c>Dapr</c> scheme (the token from configuration) and the caller check.</summary>
    public static IHostApplicationBuilder AddDaprCallers(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        builder.Services.AddAuthentication().AddDapr(o => o.Token = configuration[TokenSetting] ?? string.Empty);
        builder.Services.AddAuthorization();
        builder.Services.AddSingleton<IAuthorizationHandler, DaprCallerHandler>();
        return builder;
    }

    /// <summary>Only a service invocation from one of <paramref name="appIds"/>, delivered by this app's sidecar.</summary>
    public static TBuilder RequireDaprCaller<TBuilder>(this TBuilder endpoint, params string[] appIds)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentOutOfRangeException.ThrowIfZero(appIds.Length);
        return endpoint.RequireAuthorization(Policy(new DaprCallerRequirement(appIds)));
    }

    /// <summary>
    /// Only the sidecar itself (an input binding such as <c>bindings.cron</c>, or a pub/sub delivery): the token, and no
    /// caller app-id, which daprd stamps on every service invocation, so no other app (nor this one) can reach the
    /// route by invoking it.
    /// </summary>
    public static TBuilder RequireDaprBinding<TBuilder>(this TBuilder endpoint)
        where TBuilder : IEndpointConventionBuilder =>
        endpoint.RequireAuthorization(Policy(new DaprCallerRequirement([])));

    private static AuthorizationPolicy Policy(DaprCallerRequirement requirement) =>
        new AuthorizationPolicyBuilder(Scheme).RequireAuthenticatedUser().AddRequirements(requirement).Build();

    /// <param name="AppIds">The callers allowed; none: the sidecar's own calls only (no caller app-id).</param>
    internal sealed record DaprCallerRequirement(IReadOnlyList<string> AppIds) : IAuthorizationRequirement;

    internal sealed class DaprCallerHandler : AuthorizationHandler<DaprCallerRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, DaprCallerRequirement requirement)
        {
            var callers = (context.Resource as HttpContext)?.Request.Headers[CallerHeader] ?? default;
            var allowed = requirement.AppIds.Count == 0
                ? callers.Count == 0
                : callers.Count == 1 && requirement.AppIds.Contains(callers[0], StringComparer.Ordinal);
            if (allowed)
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }
    }
}
