using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OrderPlatform.DevSidecar.Resiliency;

public static class ResiliencyModule
{
    /// <summary>
    /// Loads every `kind: Resiliency` document from the resources path (at startup, so a bad spec fails fast) and
    /// registers <see cref="ResiliencyPolicies"/> and <see cref="ResiliencePipelines"/>.
    /// </summary>
    public static IServiceCollection AddSidecarResiliency(this IServiceCollection services, string resourcesPath)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new ResiliencyPolicies(ResiliencyLoader.LoadDirectory(resourcesPath)));
        services.AddSingleton<ResiliencePipelines>();
        return services;
    }
}
