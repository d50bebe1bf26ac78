using System.Net;
using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrderPlatform.EndToEnd.Tests.Scenarios;

/// <summary>
/// Bookkeeping faults through the dev sidecar's fault switches (tools/DevSidecar/README.md): writes to
/// <c>orders-store</c> failing for 10 s, and publishes to <c>order-pubsub</c> failing for 20 s, during a burst. Neither
/// refunds, holds or loses an order, and neither loses an event.
/// </summary>
[Collection(FaultPlatform.Collection)]
[Trait("Category", "EndToEnd")]
public sealed class StoreAndPublishFaultTests(FaultPlatform platform, ITestOutputHelper output)
{
    private const int Orders = 40;
    private const int InitialStock = 500;
    private static readonly TimeSpan Fault = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Longer than order-pubsub's outbound retry budget in the sidecar (pubsubRetry: 5 retries from 500 ms × 1.5, ±50%:
    /// at most about 10 s), so a publish made by the create request itself would fail for good.
    /// </summary>
    private static readonly TimeSpan PublishFault = TimeSpan.FromSeconds(20);

    [LocalPlatformFact]
    public async Task Orders_store_writes_failing_for_10_s_refund_no_order_and_every_order_completes_after()
    {
        var api = platform.Clients.Operator;
        var apis = platform.Clients.Internal;
        // Priced above the approval threshold: held at the approval gate, so every order is in flight when the store
        // fails; approving writes nothing. One customer per order: 40 large orders of one customer would pass
        // payment-service's per-customer limit.
        var productId = await apis.NewProductAsync(available: InitialStock, price: PlatformFixture.ApprovalThreshold + 1);
        var ids = await Task.WhenAll(Enumerable.Range(0, Orders).Select(_ => platform.Clients.NewCustomer().CreateAsync(OrderApi.NewOrder(productId))));
        await Task.WhenAll(ids.Select(id => api.WaitForAsync(id, null, OrderStatus.AwaitingApproval)));

        await platform.FailForAsync($"state/{Components.OrdersStore}", Fault);
        using (var refused = await platform.Clients.Orders.PostAsync(OrderApi.NewOrder(productId)))
        {
            refused.StatusCode.Should().Be(HttpStatusCode.InternalServerError, "the store refuses the new order's insert while the fault is on");
        }

        await Task.WhenAll(ids.Select(ApproveAsync));
        var outcomes = await Task.WhenAll(ids.Select(id => api.WaitForSettledAsync(id, TimeSpan.FromMinutes(2))));
        var figures = await FaultFigures.CollectAsync(
            $"{Components.OrdersStore} writes failing for {Fault.TotalSeconds:0} s", outcomes, Orders, apis, productId, InitialStock);
        output.WriteLine(figures.Row);

        outcomes.Should().OnlyContain(o => o.Status == OrderStatus.Completed, platform.Diagnostics());
        outcomes.Should().OnlyContain(o => !o.Statuses.Contains(OrderStatus.OnHold), "the 10-minute fault window rides a 10 s outage out");
        figures.ChargedOtherThanOnce.Should().Be(0, "no order is refunded (or charged twice) for a bookkeeping failure");
        figures.StockDrift.Should().Be(0);
        figures.Reserved.Should().Be(0);
    }

    /// <summary>
    /// Publishes failing for 20 s while orders are created: the request no longer publishes (it answered 500 with the workflow
    /// already scheduled, and <c>order_created</c> was never sent again); the workflow publishes it as its first step
    /// and retries it durably, so every order completes and its customer is notified once per event.
    /// </summary>
    [LocalPlatformFact]
    public async Task Order_events_failing_to_publish_for_20_s_lose_no_order_and_no_notification()
    {
        // Each order its own customer's (notifications are counted per customer), read by an operator.
        var api = platform.Clients.Operator;
        var apis = platform.Clients.Internal;
        var productId = await apis.NewProductAsync(available: InitialStock);

        await platform.FailForAsync($"publish/{Components.PubSub}", PublishFault);
        var ids = await Task.WhenAll(Enumerable.Range(0, Orders).Select(_ => platform.Clients.NewCustomer().CreateAsync(OrderApi.NewOrder(productId))));
        var seen = await Task.WhenAll(ids.Select(api.GetAsync));

        var outcomes = await Task.WhenAll(ids.Select(id => api.WaitForSettledAsync(id, TimeSpan.FromMinutes(2))));
        var figures = await (await FaultFigures.CollectAsync(
                $"{Components.PubSub} publishes failing for {PublishFault.TotalSeconds:0} s", outcomes, seen.Count(o => o is { IsTerminal: false }), apis, productId, InitialStock))
            .WithNotificationsAsync(outcomes, apis, TimeSpan.FromSeconds(30));
        output.WriteLine(figures.Row);

        outcomes.Should().OnlyContain(o => o.Status == OrderStatus.Completed, platform.Diagnostics());
        outcomes.Should().OnlyContain(o => !o.Statuses.Contains(OrderStatus.OnHold));
        figures.NotifiedOtherThanOnce.Should().Be(0, "order_created included: the workflow published it once the pub/sub was back");
        figures.ChargedOtherThanOnce.Should().Be(0);
        figures.StockDrift.Should().Be(0);
        figures.Reserved.Should().Be(0);
    }

    private async Task ApproveAsync(string orderId)
    {
        using var response = await platform.Clients.Operator.ApproveAsync(orderId, approved: true);
        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
    }
}
