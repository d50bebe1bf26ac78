using System.Collections.Concurrent;
using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.EndToEnd.Tests.Infrastructure;
using OrderPlatform.PlatformLauncher;
using Xunit.Abstractions;

namespace OrderPlatform.EndToEnd.Tests.Scenarios;

/// <summary>
/// A downstream service SIGKILLed while orders flow and started again 5 s later: every accepted order completes (none
/// on hold, none failed), stock is conserved and every completed order is charged exactly once. 20 orders are accepted
/// before the kill, 40 more are sent while the service is down. A platform of its own (the tests run one after another on it).
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class ServiceKillTests(ServiceKillTests.OwnPlatform platform, ITestOutputHelper output) : IClassFixture<ServiceKillTests.OwnPlatform>
{
    private const int BeforeKill = 20;
    private const int DuringOutage = 40;
    private const int InitialStock = 1000;
    private static readonly TimeSpan Down = TimeSpan.FromSeconds(5);

    [LocalPlatformFact]
    public Task Payment_service_killed_mid_flight_every_order_completes_charged_once() => KillAndRestartAsync(AppIds.PaymentService);

    [LocalPlatformFact]
    public Task Inventory_service_killed_mid_flight_every_order_completes_and_stock_is_conserved() => KillAndRestartAsync(AppIds.InventoryService);

    [LocalPlatformFact]
    public Task Shipping_service_killed_mid_flight_every_order_completes_with_one_shipment_and_no_refund() => KillAndRestartAsync(AppIds.ShippingService);

    private async Task KillAndRestartAsync(string appId)
    {
        var api = platform.Clients.Orders;
        var apis = platform.Clients.Internal;
        var productId = await apis.NewProductAsync(available: InitialStock);
        var accepted = new ConcurrentBag<string>();
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task<string> SendAsync(int index)
        {
            if (index >= BeforeKill)
            {
                await killed.Task;
            }

            // While inventory-service is down no order can be priced (503 + Retry-After, nothing stored): retried as a
            // client would, it is accepted once the service is back.
            var id = await api.CreateRetryingAsync(OrderApi.NewOrder(productId), TimeSpan.FromMinutes(1));
            accepted.Add(id);
            if (accepted.Count == BeforeKill && !killed.Task.IsCompleted)
            {
                await platform.KillAsync(appId);
                killed.TrySetResult();
            }

            return id;
        }

        var sending = Task.WhenAll(Enumerable.Range(0, BeforeKill + DuringOutage).Select(SendAsync));
        await killed.Task;
        await Task.Delay(Down);
        var seen = await Task.WhenAll(accepted.Select(api.GetAsync));
        var inFlight = seen.Count(o => o is { IsTerminal: false }) + (BeforeKill + DuringOutage - accepted.Count);
        await platform.RestartAsync(appId);

        var ids = await sending;
        var outcomes = await Task.WhenAll(ids.Select(id => api.WaitForSettledAsync(id, TimeSpan.FromMinutes(2))));
        var figures = await FaultFigures.CollectAsync($"{appId} SIGKILL, restarted after {Down.TotalSeconds:0} s", outcomes, inFlight, apis, productId, InitialStock);
        output.WriteLine(figures.Row);

        inFlight.Should().BeGreaterThanOrEqualTo(DuringOutage, "the orders sent while the service is down are in flight when it returns");
        outcomes.Should().OnlyContain(o => o.Status == OrderStatus.Completed, platform.Diagnostics());
        figures.StockDrift.Should().Be(0, "completed units + available = initial stock");
        figures.Reserved.Should().Be(0);
        figures.ChargedOtherThanOnce.Should().Be(0);
        outcomes.Should().OnlyContain(o => o.TrackingNumber != null, "one shipment per completed order");
    }

    /// <summary>Backoff capped at 5 s instead of 30 s, so the run does not wait out long delays after the service is back.</summary>
    public sealed class OwnPlatform : PlatformFixture
    {
        protected override PlatformOptions ConfigureLocal(PlatformOptions options) => base.ConfigureLocal(options)
            .WithAppEnvironment(AppIds.OrderService, "OrderWorkflow__FaultRetry__MaxInterval", "00:00:05");
    }
}
