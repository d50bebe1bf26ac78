using OrderPlatform.InventoryService.Seeding;
using OrderPlatform.InventoryService.Stock;
using OrderPlatform.InventoryService.Storage;
using OrderPlatform.InventoryService.Tests.Fakes;
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

        factory.Store.Keys("stock-").Should().HaveCount(12);
        factory.Store.Get<StockItem>(StateKeys.Stock("SKU-001")).Should().Be(new StockItem("SKU-001", 100, 0));
        factory.Store.Get<StockItem>(StateKeys.Stock("SKU-LOW")).Should().Be(new StockItem("SKU-LOW", 2, 0));
    }

    [Fact]
    public async Task Seeding_never_overwrites_live_stock()
    {
        factory.Store.Put(StateKeys.Stock("SKU-001"), new StockItem("SKU-001", 3, 97));

        await factory.StartAsync();

        factory.Store.Get<StockItem>(StateKeys.Stock("SKU-001")).Should().Be(new StockItem("SKU-001", 3, 97));
        (await factory.Services.GetRequiredService<InventorySeeder>().Completion).Should().Be(11);
    }

    [Fact]
    public async Task Seeding_waits_for_the_sidecar_first()
    {
        var sidecar = new TaskCompletionSource();
        factory.Store.Dapr.Setup(d => d.WaitForSidecarAsync(It.IsAny<CancellationToken>())).Returns(sidecar.Task);
        factory.CreateClient();
        var seeder = factory.Services.GetRequiredService<InventorySeeder>();

        seeder.Completion.IsCompleted.Should().BeFalse();
        factory.Store.Keys("stock-").Should().BeEmpty();

        sidecar.SetResult();
        (await seeder.Completion.WaitAsync(TimeSpan.FromSeconds(30))).Should().Be(12);
    }

    [Fact]
    public async Task Losing_an_insert_race_to_another_replica_counts_as_already_seeded()
    {
        factory.Store.BeforeCommit = ops =>
        {
            if (ops[0].Key == StateKeys.Stock("SKU-002"))
            {
                factory.Store.Put(StateKeys.Stock("SKU-002"), new StockItem("SKU-002", 42, 0));
            }
        };

        await factory.StartAsync();

        factory.Store.Get<StockItem>(StateKeys.Stock("SKU-002")).Should().Be(new StockItem("SKU-002", 42, 0));
        (await factory.Services.GetRequiredService<InventorySeeder>().Completion).Should().Be(11);
    }
}
