using Dapr.Client;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Contracts;
using OrderPlatform.InventoryService.Seeding;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.Testing;

namespace OrderPlatform.InventoryService.Tests.Fakes;

/// <summary>inventory-service in memory, talking to the dev sidecar in the test process (repository components/).</summary>
public sealed class InventoryApiFactory() : SidecarServiceFactory<Program>(AppIds.InventoryService)
{
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

public static class HttpJson
{
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(JsonDefaults.Options))!;

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string path, T body) =>
        client.PostAsJsonAsync(path, body, JsonDefaults.Options);
}
