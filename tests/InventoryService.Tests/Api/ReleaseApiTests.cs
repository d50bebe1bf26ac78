using OrderPlatform.Contracts.Inventory;
using OrderPlatform.InventoryService.Reservations;
using OrderPlatform.InventoryService.Stock;
using OrderPlatform.InventoryService.Storage;
using OrderPlatform.InventoryService.Tests.Support;

namespace OrderPlatform.InventoryService.Tests.Api;

public sealed class ReleaseApiTests : IDisposable
{
    private readonly InventoryApiFactory factory = new();

    public void Dispose() => factory.Dispose();

    private async Task<StockItem> StockAsync(string productId) => (await factory.GetAsync<StockItem>(StateKeys.Stock(productId)))!;

    private static async Task<ReservationResult> PostAsync(HttpClient client, string path, object body) =>
        await (await client.PostJsonAsync(path, body)).ReadAsync<ReservationResult>();

    [Fact]
    public async Task Release_puts_the_reserved_units_back_once()
    {
        var client = await factory.StartAsync();
        await PostAsync(client, "/reserve", new ReserveStockRequest("rel-1", "o1", [new StockLine("SKU-007", 4)]));

        var first = await PostAsync(client, "/release", new ReleaseStockRequest("rel-1"));
        var second = await PostAsync(client, "/release", new ReleaseStockRequest("rel-1"));

        first.Status.Should().Be(ReservationStatus.Released);
        second.Status.Should().Be(ReservationStatus.Released);
        (await StockAsync("SKU-007")).Should().Be(new StockItem("SKU-007", 100, 0));
        (await factory.GetAsync<ReservationRecord>(StateKeys.Reservation("rel-1")))!.ReleasedAt.Should().NotBeNull();
        factory.Hooks.Calls("ExecuteStateTransaction").Should().Be(2, "one reserve and one release; the repeated release writes nothing");
    }

    [Fact]
    public async Task Release_of_an_unknown_reservation_is_NotFound_and_writes_nothing()
    {
        var client = await factory.StartAsync();

        var result = await PostAsync(client, "/release", new ReleaseStockRequest("never-made"));

        result.Should().BeEquivalentTo(new ReservationResult("never-made", ReservationStatus.NotFound, []));
        factory.Hooks.StateWrites.Should().Be(0);
    }

    [Fact]
    public async Task Release_of_a_rejected_reservation_changes_no_stock()
    {
        var client = await factory.StartAsync();
        await PostAsync(client, "/reserve", new ReserveStockRequest("rel-2", "o2", [new StockLine("SKU-LOW", 5)]));

        var result = await PostAsync(client, "/release", new ReleaseStockRequest("rel-2"));

        result.Status.Should().Be(ReservationStatus.Rejected);
        (await StockAsync("SKU-LOW")).Should().Be(new StockItem("SKU-LOW", 2, 0));
        factory.Hooks.Calls("ExecuteStateTransaction").Should().Be(1, "only the rejection was recorded");
    }

    [Fact]
    public async Task A_release_that_loses_a_race_with_a_reserve_of_the_same_product_retries_on_fresh_stock()
    {
        var client = await factory.StartAsync();
        await PostAsync(client, "/reserve", new ReserveStockRequest("rel-3", "o3", [new StockLine("SKU-008", 5)]));
        var raced = false;
        factory.Hooks.Before("ExecuteStateTransaction", async _ =>
        {
            if (!raced)
            {
                raced = true;
                await factory.PutAsync(StateKeys.Stock("SKU-008"), new StockItem("SKU-008", 93, 7));
            }
        });

        var result = await PostAsync(client, "/release", new ReleaseStockRequest("rel-3"));

        result.Status.Should().Be(ReservationStatus.Released);
        (await StockAsync("SKU-008")).Should().Be(new StockItem("SKU-008", 98, 2));
    }
}
