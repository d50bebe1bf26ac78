using Dapr;
using Dapr.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OrderPlatform.ServiceDefaults;

/// <summary>
/// Typed HttpClients that call another app through Dapr service invocation (Dapr 1.19's non-obsolete path):
/// requests to <c>http://{appId}/{method}</c> are rewritten by <see cref="InvocationHandler"/> to the sidecar's
/// <c>/v1.0/invoke/{appId}/method/{method}</c>. Retries, timeouts and circuit breakers are the Dapr resiliency
/// policy's (<c>components/resiliency.yaml</c>), applied by the sidecar, or by the client itself where the sidecar does
/// not apply them to invocation (Azure Container Apps: <see cref="InvocationResilienceOptions"/>).
/// </summary>
public static class DaprInvocationExtensions
{
    public static IHttpClientBuilder AddDaprInvokeClient<TClient>(this IServiceCollection services, string appId)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(appId);
        services.AddOptions<InvocationResilienceOptions>().BindConfiguration(InvocationResilienceOptions.SectionName);
        services.TryAddSingleton<InvocationMetrics>();
        var client = services
            .AddHttpClient<TClient>(client => client.BaseAddress = new Uri($"http://{appId}"))
            .AddHttpMessageHandler(sp => new InvocationHandler
            {
                DaprEndpoint = DaprDefaults.GetDefaultHttpEndpoint(sp.GetRequiredService<IConfiguration>()),
            });
        client.AddResilienceHandler($"dapr-invoke-{appId}", (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<InvocationResilienceOptions>>().Value;
            if (options.AppliesInApp && !string.IsNullOrWhiteSpace(options.Spec))
            {
                var metrics = context.ServiceProvider.GetRequiredService<InvocationMetrics>();
                InvocationResilience.Configure(pipeline, appId, options.Spec, context.ServiceProvider.GetRequiredService<TimeProvider>(),
                    () => metrics.CircuitOpened(appId));
            }
        });
        return client;
    }
}
