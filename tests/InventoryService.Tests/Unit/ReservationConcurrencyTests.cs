using Dapr.Client;
using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.InventoryService.Stock;
using OrderPlatform.InventoryService.Storage;
using OrderPlatform.ServiceDefaults.State;
using OrderPlatform.Testing;

namespace OrderPlatform.InventoryService.Tests.Unit;

/// <summary>The repository against the dev sidecar with real interleaving (parallel gRPC calls): it must never oversell.</summary>
public sealed class ReservationConcurrencyTests : IAsyncLifetime
{
    private SidecarClients clients = null!;

    public async Task InitializeAsync() => clients = await SidecarClients.StartAsync(AppIds.InventoryService);

    public async Task DisposeAsync() => await clients.DisposeAsync();

    // Each lost race is caused by a commit to a stock key the loser also writes; rejections never write stock, so with
    // 20 units no caller can lose more than 20 times: 25 attempts make the outcome deterministic.
    private InventoryRepository Repository() => new(
        clients.Store(Components.InventoryStore, attempts: 25, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(4)),
        TimeProvider.System);

    private Task PutAsync(string key, StockItem item) => clients.Client.SaveStateAsync(Components.InventoryStore, key, item);

    private async Task<StockItem?> GetAsync(string key) => await clients.Client.GetStateAsync<StockItem?>(Components.InventoryStore, key);

    [Fact]
    public async Task Two_hundred_parallel_single_unit_reservations_on_twenty_units_reserve_exactly_twenty()
    {
        await PutAsync(StateKeys.Stock("HOT"), new StockItem("HOT", 20, 0));
        var repository = Repository();

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() =>
            repository.ReserveAsync(new ReserveStockRequest($"res-{i}", $"order-{i}", [new StockLine("HOT", 1)]), CancellationToken.None))));

        results.Count(r => r.Status == ReservationStatus.Reserved).Should().Be(20);
        results.Count(r => r.Status == ReservationStatus.Rejected).Should().Be(180);
        (await GetAsync(StateKeys.Stock("HOT"))).Should().Be(new StockItem("HOT", 0, 20));
        var records = await clients.Client.GetBulkStateAsync(Components.InventoryStore, [.. Enumerable.Range(0, 200).Select(i => StateKeys.Reservation($"res-{i}"))], parallelism: null);
        records.Should().OnlyContain(r => !string.IsNullOrEmpty(r.Value), "every outcome is recorded");
        clients.Hooks.Calls("ExecuteStateTransaction").Should().BeGreaterThan(200, "the callers really raced");
    }

    [Fact]
    public async Task The_same_reservation_sent_in_parallel_is_reserved_once()
    {
        await PutAsync(StateKeys.Stock("HOT"), new StockItem("HOT", 100, 0));
        var repository = Repository();
        var request = new ReserveStockRequest("dup", "order-dup", [new StockLine("HOT", 3)]);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() =>
            repository.ReserveAsync(request, CancellationToken.None))));

        results.Should().AllSatisfy(r => r.Status.Should().Be(ReservationStatus.Reserved));
        (await GetAsync(StateKeys.Stock("HOT"))).Should().Be(new StockItem("HOT", 97, 3));
    }

    [Fact]
    public async Task Parallel_releases_and_reserves_keep_the_units_conserved()
    {
        await PutAsync(StateKeys.Stock("HOT"), new StockItem("HOT", 10, 0));
        var repository = Repository();
        for (var i = 0; i < 10; i++)
        {
            await repository.ReserveAsync(new ReserveStockRequest($"old-{i}", "o", [new StockLine("HOT", 1)]), CancellationToken.None);
        }

        var releases = Enumerable.Range(0, 10).Select(i => Task.Run(() => repository.ReleaseAsync($"old-{i}", CancellationToken.None)));
        var releasedTwice = Enumerable.Range(0, 10).Select(i => Task.Run(() => repository.ReleaseAsync($"old-{i}", CancellationToken.None)));
        var results = await Task.WhenAll(releases.Concat(releasedTwice));

        results.Should().AllSatisfy(r => r.Status.Should().Be(ReservationStatus.Released));
        (await GetAsync(StateKeys.Stock("HOT"))).Should().Be(new StockItem("HOT", 10, 0));
    }

    [Fact]
    public async Task The_same_commit_sent_in_parallel_consumes_the_reservation_once()
    {
        await PutAsync(StateKeys.Stock("HOT"), new StockItem("HOT", 10, 0));
        var repository = Repository();
        await repository.ReserveAsync(new ReserveStockRequest("ship-me", "o", [new StockLine("HOT", 4)]), CancellationToken.None);
        await repository.ReserveAsync(new ReserveStockRequest("keep-me", "o2", [new StockLine("HOT", 2)]), CancellationToken.None);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() =>
            repository.CommitReservationAsync("ship-me", ["HOT"], CancellationToken.None))));

        results.Should().AllSatisfy(r => r.Status.Should().Be(ReservationStatus.Committed));
        (await GetAsync(StateKeys.Stock("HOT"))).Should().Be(new StockItem("HOT", 4, 2), "4 units shipped, 2 still reserved");
    }
}
