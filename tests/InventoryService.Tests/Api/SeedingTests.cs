using OrderPlatform.InventoryService.Seeding;
using OrderPlatform.InventoryService.Stock;
using OrderPlatform.InventoryService.Storage;
using OrderPlatform.InventoryService.Tests.Support;
using Dapr;
using Microsoft.Extensions.DependencyInjection;

namespace OrderPlatform.InventoryService.Tests.Api;

public sealed class SeedingTests : IDisposable
{
    private readonly InventoryApiFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task Startup_seeds_the_configured_catalogue()
    {
        await factory.StartAsync();

        (await SeededAsync()).Should().Be(12);
        (await factory.GetAsync<StockItem>(StateKeys.Stock("SKU-001"))).Should().Be(new StockItem("SKU-001", 100, 0));
        (await factory.GetAsync<StockItem>(StateKeys.Stock("SKU-LOW"))).Should().Be(new StockItem("SKU-LOW", 2, 0));
    }

    [Fact]
    public async Task Seeding_never_overwrites_live_stock()
    {
        await factory.PutAsync(StateKeys.Stock("SKU-001"), new StockItem("SKU-001", 3, 97));

        await factory.StartAsync();

        (await factory.GetAsync<StockItem>(StateKeys.Stock("SKU-001"))).Should().Be(new StockItem("SKU-001", 3, 97));
        (await factory.Services.GetRequiredService<InventorySeeder>().Completion).Should().Be(11);
    }

    [Fact]
    public async Task Top_up_raises_depleted_products_back_to_the_seed_and_leaves_the_rest()
    {
        using var topUp = new InventoryApiFactory(SeedMode.TopUp);
        await topUp.PutAsync(StateKeys.Stock("SKU-001"), new StockItem("SKU-001", 3, 7));
        await topUp.PutAsync(StateKeys.Stock("SKU-002"), new StockItem("SKU-002", 250, 0));
        await topUp.PutAsync(StateKeys.Stock("SKU-003"), new StockItem("SKU-003", 100, 4));

        await topUp.StartAsync();

        (await topUp.GetAsync<StockItem>(StateKeys.Stock("SKU-001"))).Should().Be(new StockItem("SKU-001", 100, 7), "reserved units are kept");
        (await topUp.GetAsync<StockItem>(StateKeys.Stock("SKU-002"))).Should().Be(new StockItem("SKU-002", 250, 0), "stock above the seed is not lowered");
        (await topUp.Services.GetRequiredService<InventorySeeder>().Completion).Should().Be(10, "SKU-001 topped up, nine missing products inserted, SKU-003 already at its seed");
    }

    [Fact]
    public async Task Seeding_gives_every_seed_product_its_catalogue_entry_and_keeps_a_price_set_since()
    {
        await factory.PutAsync(StateKeys.Stock("SKU-001"), new StockItem("SKU-001", 3, 97));
        await factory.PutAsync(StateKeys.Product("SKU-002"), new CatalogueEntry("SKU-002", "Socks (sale)", 5m));

        await factory.StartAsync();

        (await factory.GetAsync<CatalogueEntry>(StateKeys.Product("SKU-001"))).Should().Be(
            new CatalogueEntry("SKU-001", "Trail running shoes", 19.99m), "a product stored before prices gets the seed's entry");
        (await factory.GetAsync<CatalogueEntry>(StateKeys.Product("SKU-002"))).Should().Be(new CatalogueEntry("SKU-002", "Socks (sale)", 5m));
        (await factory.GetAsync<StockItem>(StateKeys.Stock("SKU-001"))).Should().Be(new StockItem("SKU-001", 3, 97));
    }

    [Fact]
    public async Task Top_up_sets_the_seed_name_and_price_on_every_seed_product()
    {
        using var topUp = new InventoryApiFactory(SeedMode.TopUp);
        await topUp.PutAsync(StateKeys.Product("SKU-001"), new CatalogueEntry("SKU-001", "Old name", 0.01m));

        await topUp.StartAsync();

        (await topUp.GetAsync<CatalogueEntry>(StateKeys.Product("SKU-001"))).Should().Be(new CatalogueEntry("SKU-001", "Trail running shoes", 19.99m));
        (await topUp.GetAsync<CatalogueEntry>(StateKeys.Product("SKU-OUT"))).Should().Be(new CatalogueEntry("SKU-OUT", "Sold-out compass", 19.00m));
    }

    [Fact]
    public async Task Seeding_waits_for_the_sidecar_first()
    {
        // WaitForSidecarAsync polls the sidecar's health API: it answers 500 until the gate opens.
        var health = factory.GateSidecarHealth();
        factory.CreateClient();
        var seeder = factory.Services.GetRequiredService<InventorySeeder>();

        await health.Asked.WaitAsync(TimeSpan.FromSeconds(30));
        seeder.Completion.IsCompleted.Should().BeFalse();
        factory.Hooks.StateWrites.Should().Be(0, "nothing is written before the sidecar answers");
        (await SeededAsync()).Should().Be(0);

        health.Open();
        (await seeder.Completion.WaitAsync(TimeSpan.FromSeconds(30))).Should().Be(12);
    }

    [Fact]
    public async Task A_store_failure_while_seeding_faults_the_completion()
    {
        factory.Hooks.Fail("SaveState", times: 1);
        factory.CreateClient();

        var seeding = () => factory.Services.GetRequiredService<InventorySeeder>().Completion.WaitAsync(TimeSpan.FromSeconds(30));

        await seeding.Should().ThrowAsync<DaprException>();
    }

    [Fact]
    public async Task Stopping_while_waiting_for_the_sidecar_cancels_the_completion()
    {
        var health = factory.GateSidecarHealth();
        factory.CreateClient();
        var seeder = factory.Services.GetRequiredService<InventorySeeder>();
        await health.Asked.WaitAsync(TimeSpan.FromSeconds(30));

        await seeder.StopAsync(CancellationToken.None);

        await seeder.Invoking(s => s.Completion.WaitAsync(TimeSpan.FromSeconds(30))).Should().ThrowAsync<TaskCanceledException>();
        factory.Hooks.StateWrites.Should().Be(0);
    }

    [Fact]
    public async Task Losing_an_insert_race_to_another_replica_counts_as_already_seeded()
    {
        // The seeder inserts the catalogue in order: its second insert is SKU-002's, and another replica wins it.
        var inserts = 0;
        factory.Hooks.Before("SaveState", async _ =>
        {
            if (Interlocked.Increment(ref inserts) == 2)
            {
                await factory.PutAsync(StateKeys.Stock("SKU-002"), new StockItem("SKU-002", 42, 0));
            }
        });

        await factory.StartAsync();

        (await factory.GetAsync<StockItem>(StateKeys.Stock("SKU-002"))).Should().Be(new StockItem("SKU-002", 42, 0));
        (await factory.Services.GetRequiredService<InventorySeeder>().Completion).Should().Be(11);
    }

    private async Task<int> SeededAsync()
    {
        var catalogue = new[] { "SKU-001", "SKU-002", "SKU-003", "SKU-004", "SKU-005", "SKU-006", "SKU-007", "SKU-008", "SKU-009", "SKU-010", "SKU-LOW", "SKU-OUT" };
        var found = await factory.Dapr.GetBulkStateAsync(OrderPlatform.Contracts.Components.InventoryStore, [.. catalogue.Select(StateKeys.Stock)], parallelism: null);
        return found.Count(i => !string.IsNullOrEmpty(i.Value));
    }
}
