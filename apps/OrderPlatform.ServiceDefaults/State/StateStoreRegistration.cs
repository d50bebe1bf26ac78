using Dapr.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OrderPlatform.ServiceDefaults.State;

public static class StateStoreRegistration
{
    /// <summary>Registers the service's <see cref="StateStore"/> over the Dapr component <paramref name="storeName"/>.</summary>
    public static TBuilder AddStateStore<TBuilder>(this TBuilder builder, string storeName)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(storeName);
        builder.AddValidatedOptions<StateStoreOptions>(StateStoreOptions.SectionName);
        builder.Services.AddSingleton(sp => new StateStore(
            sp.GetRequiredService<DaprClient>(), storeName,
            sp.GetRequiredService<IOptions<StateStoreOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        return builder;
    }
}
