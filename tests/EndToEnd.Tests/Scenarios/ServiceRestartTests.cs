using System.Net;
using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrderPlatform.EndToEnd.Tests.Scenarios;

/// <summary>
/// order-service killed with SIGKILL in the middle of a burst of orders, then started again: daprd hands the work items
/// that were out on the dead worker's stream to the worker that connects next, so every order finishes and no stock
/// stays reserved. A platform of its own (the kill would disturb other tests).
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class ServiceRestartTests(ServiceRestartTests.OwnPlatform platform, ITestOutputHelper output) : IClassFixture<ServiceRestartTests.OwnPlatform>
{
    private const int Orders = 50;
    private const int AtLeastInFlight = 40;
    private const int SpareStock = 10;

    // Mirrors: dapr/dapr tests/integration/suite/daprd/workflow/reconnect/deactivate/activity.go
    [LocalPlatformFact]
    public async Task Orders_in_flight_when_order_service_is_killed_all_complete_once_it_is_back()
    {
        var api = platform.Clients.Operator;
        var apis = platform.Clients.Internal;
        var productId = await apis.NewProductAsync(available: Orders + SpareStock, price: PlatformFixture.ApprovalThreshold + 1);

        // Held at the approval gate, then released together: the burst is under way when the process dies. One customer
        // per order: 50 large orders of one customer would pass payment-service's per-customer limit.
        var ids = await Task.WhenAll(Enumerable.Range(0, Orders).Select(_ => platform.Clients.NewCustomer().CreateAsync(LargeOrder(productId))));
        await Task.WhenAll(ids.Select(id => api.WaitForAsync(id, null, OrderStatus.AwaitingApproval)));
        await Task.WhenAll(ids.Select(ApproveAsync));
        await platform.KillAsync(AppIds.OrderService);
        var killedAt = DateTimeOffset.UtcNow;
        await platform.RestartAsync(AppIds.OrderService);

        var outcomes = await Task.WhenAll(ids.Select(id => api.WaitForAsync(id, TimeSpan.FromSeconds(90))));
        var figures = await FaultFigures.CollectAsync(
            "order-service SIGKILL, restarted at once", outcomes, outcomes.Count(o => o.History[^1].At > killedAt), apis, productId, Orders + SpareStock);
        output.WriteLine(figures.Row);

        outcomes.Should().OnlyContain(o => o.Status == OrderStatus.Completed, platform.Diagnostics());
        outcomes.Count(o => o.History.Last(h => h.Status == OrderStatus.Completed).At > killedAt).Should().BeGreaterThanOrEqualTo(
            AtLeastInFlight, "that many orders were still being processed when order-service was killed");
        (await apis.StockAsync(productId)).Should().BeEquivalentTo(new { Available = SpareStock, Reserved = 0 });
        figures.ChargedOtherThanOnce.Should().Be(0);
    }

    private async Task ApproveAsync(string orderId)
    {
        using var response = await platform.Clients.Operator.ApproveAsync(orderId, approved: true);
        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
    }

    private static CreateOrderRequest LargeOrder(string productId) =>
        OrderApi.NewOrder(productId, quantity: 1); // priced just above the threshold

    /// <summary>No approval times out while the test holds the orders at the gate.</summary>
    public sealed class OwnPlatform : PlatformFixture
    {
        protected override OrderPlatform.PlatformLauncher.PlatformOptions ConfigureLocal(OrderPlatform.PlatformLauncher.PlatformOptions options) =>
            base.ConfigureLocal(options).WithAppEnvironment(AppIds.OrderService, "Orders__ApprovalTimeout", TimeSpan.FromMinutes(5).ToString());
    }
}
