using OrderPlatform.Contracts.Inventory;
using OrderPlatform.InventoryService.Stock;
using OrderPlatform.InventoryService.Storage;
using OrderPlatform.InventoryService.Tests.Support;

namespace OrderPlatform.InventoryService.Tests.Api;

public sealed class ReserveConflictTests : IDisposable
{
    private readonly InventoryApiFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task An_etag_conflict_rereads_and_retries_and_reserves_once_on_the_new_stock()
    {
        var client = await factory.StartAsync();
        var raced = false;
        factory.Hooks.Before("ExecuteStateTransaction", async _ =>
        {
            if (!raced)
            {
                raced = true; // another replica takes 4 units between our read and our write
                await factory.PutAsync(StateKeys.Stock("SKU-004"), new StockItem("SKU-004", 96, 4));
            }
        });

        var result = await (await client.PostJsonAsync("/reserve", new ReserveStockRequest("c1", "o1", [new("SKU-004", 10)])))
            .ReadAsync<ReservationResult>();

        result.Status.Should().Be(ReservationStatus.Reserved);
        factory.Hooks.Calls("ExecuteStateTransaction").Should().Be(2, "the lost transaction and the one decided on the new stock");
        (await factory.GetAsync<StockItem>(StateKeys.Stock("SKU-004"))).Should().Be(new StockItem("SKU-004", 86, 14));
    }

    [Fact]
    public async Task A_failure_that_is_not_a_conflict_is_a_500_problem_and_is_not_retried()
    {
        var client = await factory.StartAsync();
        factory.Hooks.Fail("ExecuteStateTransaction");

        var response = await client.PostJsonAsync("/reserve", new ReserveStockRequest("c2", "o2", [new("SKU-005", 1)]));

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        factory.Hooks.Calls("ExecuteStateTransaction").Should().Be(1);
        (await factory.GetAsync<StockItem>(StateKeys.Stock("SKU-005")))!.Available.Should().Be(100);
    }

    [Fact]
    public async Task Endless_conflicts_stop_after_the_configured_attempts()
    {
        var client = await factory.StartAsync();
        // Another replica changes the stock before every one of our transactions: each is decided on a stale ETag.
        var n = 0;
        factory.Hooks.Before("ExecuteStateTransaction", _ =>
            factory.PutAsync(StateKeys.Stock("SKU-006"), new StockItem("SKU-006", 100 - Interlocked.Increment(ref n), 0)));

        var response = await client.PostJsonAsync("/reserve", new ReserveStockRequest("c3", "o3", [new("SKU-006", 1)]));

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        factory.Hooks.Calls("ExecuteStateTransaction").Should().Be(10);
    }
}
