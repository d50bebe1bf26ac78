using Microsoft.Extensions.Options;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Orders.Reconciliation;
using OrderPlatform.OrderService.Storage;
using OrderPlatform.OrderService.Tests.Support;

namespace OrderPlatform.OrderService.Tests.Workflow;

/// <summary>
/// The reconciler's (and the attention list's) reading of open orders: per status through the state query API, oldest
/// first, <see cref="ReconciliationOptions.PageSize"/> to a page and at most <see cref="ReconciliationOptions.MaxPages"/>
/// pages per status, against the dev sidecar's query API as state.postgresql v1 answers it.
/// </summary>
public sealed class OpenOrdersTests : IAsyncLifetime
{
    private OrdersSidecar sidecar = null!;

    public async Task InitializeAsync() => sidecar = await OrdersSidecar.StartAsync();

    public async Task DisposeAsync() => await sidecar.DisposeAsync();

    [Fact]
    public async Task Each_open_status_is_read_oldest_first_page_by_page_and_terminal_orders_are_left_out()
    {
        // Saved newest first, and ids sorting the other way: only the query's sort puts them oldest first.
        await SaveAsync("open-1", OrderStatus.Pending, minutes: 5);
        await SaveAsync("open-2", OrderStatus.Pending, minutes: 4);
        await SaveAsync("open-3", OrderStatus.Pending, minutes: 3);
        await SaveAsync("done-1", OrderStatus.Completed, minutes: 2);
        await SaveAsync("held-1", OrderStatus.OnHold, minutes: 1);

        var listed = await ListAsync(pageSize: 2, maxPages: 10);

        listed.Should().Equal("open-3", "open-2", "open-1", "held-1");
    }

    [Fact]
    public async Task A_status_is_read_for_at_most_MaxPages_pages()
    {
        foreach (var i in Enumerable.Range(1, 5))
        {
            await SaveAsync($"many-{i}", OrderStatus.Pending, minutes: 10 - i);
        }

        (await ListAsync(pageSize: 2, maxPages: 2)).Should().Equal("many-5", "many-4", "many-3", "many-2");
    }

    private async Task<List<string>> ListAsync(int pageSize, int maxPages)
    {
        var open = new OpenOrders(new OrderRepository(sidecar.Store()), Options.Create(new ReconciliationOptions { PageSize = pageSize, MaxPages = maxPages }));
        var ids = new List<string>();
        await foreach (var order in open.ListAsync(CancellationToken.None))
        {
            ids.Add(order.OrderId);
        }

        return ids;
    }

    private Task SaveAsync(string orderId, OrderStatus status, int minutes) =>
        sidecar.State.PutAsync(orderId, TestOrders.Stored(orderId, status) with { CreatedAt = TestOrders.Now.AddMinutes(minutes) });
}
