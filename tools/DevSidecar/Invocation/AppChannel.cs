using System.Net;
using OrderPlatform.DevSidecar.Configuration;

namespace OrderPlatform.DevSidecar.Invocation;

/// <summary>
/// The HTTP client the sidecar uses to reach apps on their own ports (the app channel): one pooled
/// SocketsHttpHandler, no redirects/cookies/decompression (bytes pass through untouched), no client-side timeout
/// (timeouts are the resiliency policy's job). With an app API token every request carries it as
/// <c>dapr-api-token</c>, set over whatever the caller sent, as daprd's HTTP channel does
/// (dapr/dapr pkg/channel/http/http_channel.go: <c>channelReq.Header.Set(APITokenHeader, appHeaderToken)</c>).
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
            .AddHttpMessageHandler(sp => new AppApiTokenHandler(sp.GetRequiredService<SidecarSettings>().AppApiToken))
            .RemoveAllLoggers();
        return services;
    }

    private sealed class AppApiTokenHandler(string? token) : DelegatingHandler
    {
        public const string Header = "dapr-api-token";

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove(Header);
            if (token is not null)
            {
                request.Headers.TryAddWithoutValidation(Header, token);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    public static HttpClient Create(IHttpClientFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.CreateClient(HttpClientName);
    }
}
