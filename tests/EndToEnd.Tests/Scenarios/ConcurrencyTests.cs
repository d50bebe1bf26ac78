using OrderPlatform.Contracts.Orders;
using OrderPlatform.EndToEnd.Tests.Infrastructure;

namespace OrderPlatform.EndToEnd.Tests.Scenarios;

[Collection(PlatformCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class ConcurrencyTests(PlatformFixture platform)
{
    private const int Orders = 200;
    private const int Stock = 20;

    [InternalFact]
    public async Task Concurrent_orders_for_scarce_stock_never_oversell()
    {
        var api = platform.Clients.Orders;
        var internalApis = platform.Clients.Internal;
        var productId = await internalApis.NewProductAsync(available: Stock);
        using var watching = new CancellationTokenSource();
        var lowestSeen = WatchLowestStockAsync(internalApis, productId, watching.Token);

        var ids = await Task.WhenAll(Enumerable.Range(0, Orders)
            .Select(_ => api.CreateAsync(OrderApi.NewOrder(productId, quantity: 1))));
        var outcomes = await Task.WhenAll(ids.Select(id => api.WaitForAsync(id, TimeSpan.FromMinutes(3))));
        await watching.CancelAsync();

        outcomes.Count(o => o.Status == OrderStatus.Completed).Should().Be(Stock, platform.Diagnostics());
        outcomes.Count(o => o.Status == OrderStatus.Failed).Should().Be(Orders - Stock);
        outcomes.Where(o => o.Status == OrderStatus.Failed)
            .Should().OnlyContain(o => !o.Statuses.Contains(OrderStatus.Paid), "a failed order here was refused stock, never charged");
        (await internalApis.StockAsync(productId)).Should().BeEquivalentTo(new { Available = 0, Reserved = 0 });
        (await lowestSeen).Should().BeGreaterThanOrEqualTo(0);
    }

    private static async Task<int> WatchLowestStockAsync(InternalApis apis, string productId, CancellationToken token)
    {
        var lowest = int.MaxValue;
        while (!token.IsCancellationRequested)
        {
            lowest = Math.Min(lowest, (await apis.StockAsync(productId)).Available);
            await Task.Delay(50, CancellationToken.None);
        }

        return lowest;
    }
}
