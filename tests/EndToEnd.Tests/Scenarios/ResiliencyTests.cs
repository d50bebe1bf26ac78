using System.Net;
using System.Net.Http.Json;
using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.EndToEnd.Tests.Infrastructure;
using OrderPlatform.PlatformLauncher;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.EndToEnd.Tests.Scenarios;

/// <summary>
/// payment-service failing, seen through the resiliency policy of components/resiliency.yaml (serviceRetry: 3 constant
/// 1s retries; paymentCircuitBreaker trips at 5 consecutive failures) and the workflow's fault retry, shortened here to
/// a 5 s window so an outage outlasts it. A platform of its own, so the open breaker cannot disturb other tests.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class ResiliencyTests(ResiliencyTests.OwnPlatform platform) : IClassFixture<ResiliencyTests.OwnPlatform>
{
    private const int AttemptsPerCall = 1 + 3;
    private const int TripAfter = 5;

    // Local only: the 5 s fault window is set by this fixture; an external platform keeps the 10-minute default.
    [LocalPlatformFact]
    public async Task Payment_outages_are_retried_then_trip_the_breaker_then_hold_the_order_until_an_operator_resumes_it()
    {
        var orders = platform.Clients.Orders;
        var apis = platform.Clients.Internal;
        var (productId, id, held) = await RetriedThenHeldAsync(platform);

        var attention = await platform.Clients.Operator.Http.GetFromJsonAsync<AttentionList>("/api/orders/attention", JsonDefaults.Options);
        attention!.Items.Should().Contain(i => i.Order.OrderId == id && i.Reason.StartsWith("on hold: payment", StringComparison.Ordinal));

        // The breaker may still be open (30 s) when the operator first resumes: the retried charge then fails fast for
        // the window and the order is held again, so the operator resumes again, as one would.
        var done = held;
        for (var resumes = 0; resumes < 10 && done.Status == OrderStatus.OnHold; resumes++)
        {
            using var resume = await platform.Clients.Operator.ResumeAsync(id);
            resume.StatusCode.Should().Be(HttpStatusCode.Accepted);
            done = await NextHoldOrEndAsync(orders, done);
        }

        done.Status.Should().Be(OrderStatus.Completed, platform.Diagnostics());
        done.History.Should().Contain(h => h.Detail == "resumed by an operator: retrying payment");
        (await apis.StockAsync(productId)).Should().BeEquivalentTo(new { Available = 8, Reserved = 0 });
        using var again = await platform.Clients.Operator.ResumeAsync(id);
        again.StatusCode.Should().Be(HttpStatusCode.Conflict, "only an order on hold can be resumed");
    }

    /// <summary>
    /// What the policies do, whoever applies them: a short outage is ridden out by invocation retries; a long one is
    /// retried for the workflow's fault window while the breaker opens and fails the rest fast, and the order is held
    /// (nothing compensated). Returns the product, the held order's id and the held order.
    /// </summary>
    /// <param name="platform">The platform under test.</param>
    /// <param name="beforeOutage">A pause between the two parts (see the app-mode test).</param>
    internal static async Task<(string ProductId, string OrderId, OrderView Held)> RetriedThenHeldAsync(PlatformFixture platform, TimeSpan beforeOutage = default)
    {
        var orders = platform.Clients.Orders;
        var apis = platform.Clients.Internal;
        var productId = await apis.NewProductAsync(available: 10);

        // Down for a while: two failed attempts, the third (second retry) succeeds.
        await apis.FailPaymentsAsync(failNext: 2);
        var survived = await orders.WaitForAsync(await orders.CreateAsync(OrderApi.NewOrder(productId)));
        survived.Status.Should().Be(OrderStatus.Completed, platform.Diagnostics());
        (await apis.RemainingPaymentFaultsAsync()).Should().Be(0);

        // Down for good: the charge is retried for the fault window, the breaker opens and fails the rest fast, and the
        // order goes on hold (nothing compensated: the reservation is kept) instead of failing. Without invocation
        // retries the window's few workflow attempts serve fewer than TripAfter failures (seen: 3 with the app-mode
        // setting dropped); without the breaker the retried workflow attempts serve more than 2 * AttemptsPerCall.
        await Task.Delay(beforeOutage);
        const int outage = 1000;
        await apis.FailPaymentsAsync(failNext: outage);
        var id = await orders.CreateAsync(OrderApi.NewOrder(productId));
        var held = await orders.WaitForAsync(id, TimeSpan.FromSeconds(90), OrderStatus.OnHold);
        var served = outage - await apis.RemainingPaymentFaultsAsync();
        await apis.ClearPaymentFaultsAsync();

        held.History[^1].Detail.Should().StartWith("on hold: payment kept failing for 00:00:05");
        served.Should().BeGreaterThanOrEqualTo(TripAfter)
            .And.BeLessThan(2 * AttemptsPerCall, "the open breaker keeps the workflow's second attempt from reaching payment-service");
        (await apis.StockAsync(productId)).Should().BeEquivalentTo(new { Available = 8, Reserved = 1 }, "a hold compensates nothing");
        return (productId, id, held);
    }

    /// <summary>Polls until the order ends or is held once more than in <paramref name="last"/>.</summary>
    private static async Task<OrderView> NextHoldOrEndAsync(OrderApi orders, OrderView last)
    {
        var holds = last.Statuses.Count(s => s == OrderStatus.OnHold);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            var now = (await orders.GetAsync(last.OrderId))!;
            if (now.IsTerminal || (now.Status == OrderStatus.OnHold && now.Statuses.Count(s => s == OrderStatus.OnHold) > holds))
            {
                return now;
            }

            await Task.Delay(100, cts.Token);
        }
    }

    public sealed record AttentionItem(OrderView Order, string Reason);

    public sealed record AttentionList(IReadOnlyList<AttentionItem> Items);

    public sealed class OwnPlatform : PlatformFixture
    {
        protected override PlatformOptions ConfigureLocal(PlatformOptions options) => base.ConfigureLocal(options)
            .WithAppEnvironment(AppIds.OrderService, "OrderWorkflow__FaultRetry__Window", "00:00:05");
    }
}

/// <summary>
/// The same payment outages with the policies applied as on Azure Container Apps, whose managed sidecar applies none to
/// service invocation: the sidecar runs resiliency.yaml without <c>targets.apps</c>, and order-service applies the
/// app targets on its invocation clients (<c>InvocationResiliency__Mode=app</c> + the spec Bicep writes). The outcome
/// and the number of calls that reach payment-service are the same as with the sidecar's policies.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class AppInvocationResiliencyTests(AppInvocationResiliencyTests.OwnPlatform platform)
    : IClassFixture<AppInvocationResiliencyTests.OwnPlatform>
{
    [LocalPlatformFact]
    public async Task Applied_by_order_service_instead_of_the_sidecar_the_policies_retry_and_trip_the_breaker_the_same_way() =>
        // Polly's breaker trips when every call within paymentCircuitBreaker's 10 s interval failed (daprd: 5
        // consecutive failures): the first part's success must leave that window before the outage, or the failure
        // ratio stays below 1 and the breaker never opens (seen: 8 calls served).
        await ResiliencyTests.RetriedThenHeldAsync(platform, beforeOutage: TimeSpan.FromSeconds(11));

    public sealed class OwnPlatform : PlatformFixture
    {
        // The fixture passes default options; this platform's differ only in who applies the invocation policies.
        protected override PlatformOptions ConfigureLocal(PlatformOptions options) => base.ConfigureLocal(new PlatformOptions
        {
            InvocationResiliencyInApps = true,
        }).WithAppEnvironment(AppIds.OrderService, "OrderWorkflow__FaultRetry__Window", "00:00:05");
    }
}
