using OrderPlatform.Contracts.Inventory;
using OrderPlatform.InventoryService.Stock;
using OrderPlatform.InventoryService.Storage;
using OrderPlatform.InventoryService.Tests.Fakes;
using OrderPlatform.Testing;

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
        factory.Store.BeforeCommit = _ =>
        {
            if (!raced)
            {
                raced = true; // another replica takes 4 units between our read and our write
                factory.Store.Put(StateKeys.Stock("SKU-004"), new StockItem("SKU-004", 96, 4));
            }
        };

        var result = await (await client.PostJsonAsync("/reserve", new ReserveStockRequest("c1", "o1", [new("SKU-004", 10)])))
            .ReadAsync<ReservationResult>();

        result.Status.Should().Be(ReservationStatus.Reserved);
        factory.Store.Attempts.Should().Be(2);
        factory.Store.Commits.Should().Be(1);
        factory.Store.Get<StockItem>(StateKeys.Stock("SKU-004")).Should().Be(new StockItem("SKU-004", 86, 14));
    }

    [Fact]
    public async Task A_failure_that_is_not_a_conflict_is_a_500_problem_and_is_not_retried()
    {
        var client = await factory.StartAsync();
        factory.Store.BeforeCommit = _ => throw new Dapr.DaprException(
            "State operation failed", new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.Unavailable, "redis down")));

        var response = await client.PostJsonAsync("/reserve", new ReserveStockRequest("c2", "o2", [new("SKU-005", 1)]));

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        factory.Store.Attempts.Should().Be(1);
        factory.Store.Get<StockItem>(StateKeys.Stock("SKU-005"))!.Available.Should().Be(100);
    }

    [Fact]
    public async Task Endless_conflicts_stop_after_the_configured_attempts()
    {
        var client = await factory.StartAsync();
        factory.Store.BeforeCommit = _ => throw FakeStateStore.Conflict();

        var response = await client.PostJsonAsync("/reserve", new ReserveStockRequest("c3", "o3", [new("SKU-006", 1)]));

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        factory.Store.Attempts.Should().Be(10);
    }
}
