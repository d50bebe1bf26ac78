using Dapr.Client;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Contracts;
using OrderPlatform.InventoryService.Seeding;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.Testing;

namespace OrderPlatform.InventoryService.Tests.Support;

/// <summary>inventory-service in memory, talking to the dev sidecar in the test process (repository components/).</summary>
public sealed class InventoryApiFactory(SeedMode seedMode = SeedMode.Insert) : SidecarServiceFactory<Program>(AppIds.InventoryService)
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Inventory:SeedMode", seedMode.ToString());
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Configuration set before the app starts.</summary>
    public Dictionary<string, string> Settings { get; } = new(StringComparer.Ordinal);

    /// <summary>Starts the app, waits for the seed catalogue, then zeroes the call counts.</summary>
    public async Task<HttpClient> StartAsync()
    {
        var client = CreateClient();
        await Services.GetRequiredService<InventorySeeder>().Completion.WaitAsync(TimeSpan.FromSeconds(30));
        Hooks.ResetCounts();
        return client;
    }

    /// <summary>What <c>inventory-store</c> holds under <paramref name="key"/> (null when nothing).</summary>
    public Task<T?> GetAsync<T>(string key) => Dapr.GetStateAsync<T?>(Components.InventoryStore, key);

    /// <summary>Writes <paramref name="value"/> as another replica would (not through the service).</summary>
    public Task PutAsync<T>(string key, T value) => Dapr.SaveStateAsync(Components.InventoryStore, key, value);
}
