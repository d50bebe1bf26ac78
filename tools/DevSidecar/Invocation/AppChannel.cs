using System.Net;

namespace OrderPlatform.DevSidecar.Invocation;

/// <summary>
/// The HTTP client the sidecar uses to reach apps on their own ports (the app channel): one pooled
/// SocketsHttpHandler, no redirects/cookies/decompression (bytes pass through untouched), no client-side timeout
/// (timeouts are the resiliency policy's job).
/// </summary>
public static class AppChannel
{
    public const string HttpClientName = "DevSidecar.AppChannel";

    public static IServiceCollection AddAppChannel(this IServiceCollection services)
    {
        services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                UseProxy = false,
                AutomaticDecompression = DecompressionMethods.None,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                ConnectTimeout = TimeSpan.FromSeconds(5),
            })
            .RemoveAllLoggers();
        return services;
    }

    public static HttpClient Create(IHttpClientFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.CreateClient(HttpClientName);
    }
}
