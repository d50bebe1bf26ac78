using Dapr;
using Dapr.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace OrderPlatform.ServiceDefaults;

/// <summary>
/// Typed HttpClients that call another app through Dapr service invocation (Dapr 1.19's non-obsolete path):
/// requests to <c>http://{appId}/{method}</c> are rewritten by <see cref="InvocationHandler"/> to the sidecar's
/// <c>/v1.0/invoke/{appId}/method/{method}</c>. Retries, timeouts and circuit breakers belong to the Dapr
/// resiliency policy, not to these clients.
/// </summary>
public static class DaprInvocationExtensions
{
    public static IHttpClientBuilder AddDaprInvokeClient<TClient>(this IServiceCollection services, string appId)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(appId);
        return services
            .AddHttpClient<TClient>(client => client.BaseAddress = new Uri($"http://{appId}"))
            .AddHttpMessageHandler(sp => new InvocationHandler
            {
                DaprEndpoint = DaprDefaults.GetDefaultHttpEndpoint(sp.GetRequiredService<IConfiguration>()),
            });
    }
}
