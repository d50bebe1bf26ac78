namespace OrderPlatform.DevSidecar.Invocation;

public static class InvocationModule
{
    public const string InvokeRoute = "/v1.0/invoke/{appId}/method/{**method}";

    public static IServiceCollection AddSidecarInvocation(this IServiceCollection services)
    {
        services.AddAppChannel();
        services.AddSingleton<InvocationForwarder>();
        return services;
    }

    /// <summary>
    /// Maps `/v1.0/invoke/{app-id}/method/{**method}` (every verb) and, like daprd's fallback route, forwards any
    /// other request that carries a `dapr-app-id` header and matches no sidecar route to that app at the same path.
    /// The header wins over the URL's app-id, as in daprd.
    /// </summary>
    public static WebApplication MapSidecarInvocation(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Map(InvokeRoute, (HttpContext context, string appId, string? method, InvocationForwarder forwarder) =>
            HeaderAppId(context) is { } headerAppId
                ? forwarder.ForwardAsync(context, headerAppId, context.Request.Path.Value ?? string.Empty)
                : forwarder.ForwardAsync(context, appId, method ?? string.Empty));

        app.Use((context, next) =>
            context.GetEndpoint() is null && HeaderAppId(context) is { } appId
                ? context.RequestServices.GetRequiredService<InvocationForwarder>()
                    .ForwardAsync(context, appId, context.Request.Path.Value ?? string.Empty)
                : next(context));
        return app;
    }

    private static string? HeaderAppId(HttpContext context) =>
        context.Request.Headers[ForwardedMessages.AppIdHeader].ToString() is { Length: > 0 } appId ? appId : null;
}
