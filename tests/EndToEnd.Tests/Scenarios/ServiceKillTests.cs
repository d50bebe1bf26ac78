using System.Collections.Concurrent;
using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrderPlatform.EndToEnd.Tests.Scenarios;

/// <summary>
/// A downstream service SIGKILLed while orders flow and started again 5 s later: every accepted order completes (none
/// on hold, none failed), stock is conserved, every completed order is charged exactly once and shipped once, and its
/// customer is notified exactly once per event. 20 orders are accepted before the kill, 40 more are sent while the
/// service is down. On the fault tests' platform (they run one after another on it).
/// </summary>
[Collection(FaultPlatform.Collection)]
[Trait("Category", "EndToEnd")]
public sealed class ServiceKillTests(FaultPlatform platform, ITestOutputHelper output)
{
    private const int BeforeKill = 20;
    private const int DuringOutage = 40;
    private const int InitialStock = 1000;
    private static readonly TimeSpan Down = TimeSpan.FromSeconds(5);

    [LocalPlatformTheory]
    [InlineData(AppIds.PaymentService)]
    [InlineData(AppIds.InventoryService)]
    [InlineData(AppIds.ShippingService)]
    [InlineData(AppIds.NotificationService)]
    public async Task A_service_killed_mid_flight_every_order_completes_charged_once_shipped_once_notified_once_and_stock_is_conserved(string appId)
    {
        // Each order its own customer's (notifications are counted per customer), read by an operator.
        var api = platform.Clients.Operator;
        var apis = platform.Clients.Internal;
        var productId = await apis.NewProductAsync(available: InitialStock);
        var accepted = new ConcurrentBag<string>();
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var killedAt = DateTimeOffset.MaxValue;

        async Task<string> SendAsync(int index)
        {
            if (index >= BeforeKill)
            {
                await killed.Task;
            }

            // While inventory-service is down no order can be priced (503 + Retry-After, nothing stored): retried as a
            // client would, it is accepted once the service is back.
            var id = await platform.Clients.NewCustomer().CreateRetryingAsync(OrderApi.NewOrder(productId), TimeSpan.FromMinutes(1));
            accepted.Add(id);
            if (accepted.Count == BeforeKill && !killed.Task.IsCompleted)
            {
                await platform.KillAsync(appId);
                killedAt = DateTimeOffset.UtcNow;
                killed.TrySetResult();
            }

            return id;
        }

        var sending = Task.WhenAll(Enumerable.Range(0, BeforeKill + DuringOutage).Select(SendAsync));
        await killed.Task;
        await Task.Delay(Down);
        var seen = await Task.WhenAll(accepted.Select(api.GetAsync));
        var unsent = BeforeKill + DuringOutage - accepted.Count;
        // Orders still to finish; for notification-service (orders finish without it) the orders whose events were
        // published while it was down.
        var inFlight = unsent + (appId == AppIds.NotificationService
            ? seen.Count(o => o is not null && o.History.Any(h => h.At >= killedAt))
            : seen.Count(o => o is { IsTerminal: false }));
        await platform.RestartAsync(appId);

        var ids = await sending;
        var outcomes = await Task.WhenAll(ids.Select(id => api.WaitForSettledAsync(id, TimeSpan.FromMinutes(2))));
        var figures = await (await FaultFigures.CollectAsync($"{appId} SIGKILL, restarted after {Down.TotalSeconds:0} s", outcomes, inFlight, apis, productId, InitialStock))
            .WithNotificationsAsync(outcomes, apis, TimeSpan.FromSeconds(30));
        output.WriteLine(figures.Row);

        inFlight.Should().BeGreaterThanOrEqualTo(DuringOutage, "the orders sent while the service is down are in flight when it returns");
        outcomes.Should().OnlyContain(o => o.Status == OrderStatus.Completed, platform.Diagnostics());
        figures.StockDrift.Should().Be(0, "completed units + available = initial stock");
        figures.Reserved.Should().Be(0);
        figures.ChargedOtherThanOnce.Should().Be(0);
        outcomes.Should().OnlyContain(o => o.TrackingNumber != null, "one shipment per completed order");
        figures.NotifiedOtherThanOnce.Should().Be(0, "each event is notified once, de-duplicated by its CloudEvent id");
    }
}
