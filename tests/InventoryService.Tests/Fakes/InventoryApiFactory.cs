using Dapr.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrderPlatform.Contracts;
using OrderPlatform.InventoryService.Reservations;
using OrderPlatform.InventoryService.Seeding;
using OrderPlatform.InventoryService.Stock;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.Testing;

namespace OrderPlatform.InventoryService.Tests.Fakes;

/// <summary>inventory-service in memory, its DaprClient backed by a <see cref="FakeStateStore"/>.</summary>
public sealed class InventoryApiFactory : WebApplicationFactory<Program>
{
    public FakeStateStore Store { get; } = new FakeStateStore(Components.InventoryStore)
        .Handles<StockItem>()
        .Handles<ReservationRecord>();

    /// <summary>Starts the app, waits for the seed catalogue, then zeroes the store's counters.</summary>
    public async Task<HttpClient> StartAsync()
    {
        var client = CreateClient();
        await Services.GetRequiredService<InventorySeeder>().Completion.WaitAsync(TimeSpan.FromSeconds(30));
        Store.ResetCounters();
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Inventory:ConflictRetryDelay", "00:00:00.001");
        builder.UseSetting("Inventory:ConflictRetryMaxDelay", "00:00:00.005");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<DaprClient>();
            services.AddSingleton(Store.Dapr.Object);
        });
    }
}

public static class HttpJson
{
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(JsonDefaults.Options))!;

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string path, T body) =>
        client.PostAsJsonAsync(path, body, JsonDefaults.Options);
}
