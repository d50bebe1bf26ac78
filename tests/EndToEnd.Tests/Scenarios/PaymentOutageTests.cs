using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.EndToEnd.Tests.Infrastructure;
using OrderPlatform.PlatformLauncher;
using Xunit.Abstractions;

namespace OrderPlatform.EndToEnd.Tests.Scenarios;

/// <summary>
/// payment-service answering 503 to everything for 45 s, longer than paymentCircuitBreaker's 30 s open state
/// (components/resiliency.yaml), during a burst: once it answers again every order completes and none is on hold
/// (OrderWorkflow:FaultRetry's default 10-minute window rides the outage out). A platform of its own: the open breaker
/// must not disturb other tests.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class PaymentOutageTests(PaymentOutageTests.OwnPlatform platform, ITestOutputHelper output) : IClassFixture<PaymentOutageTests.OwnPlatform>
{
    private const int Orders = 40;
    private const int InitialStock = 500;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(45);

    [FaultInjectionFact]
    public async Task A_payment_outage_longer_than_the_breaker_is_ridden_out_and_every_order_completes()
    {
        var api = platform.Clients.Orders;
        var apis = platform.Clients.Internal;
        var productId = await apis.NewProductAsync(available: InitialStock);

        await apis.FailPaymentsAsync(failNext: 10_000);
        var ids = await Task.WhenAll(Enumerable.Range(0, Orders).Select(_ => api.CreateAsync(OrderApi.NewOrder(productId))));
        await Task.Delay(Outage);
        var seen = await Task.WhenAll(ids.Select(api.GetAsync));
        await apis.ClearPaymentFaultsAsync();

        var outcomes = await Task.WhenAll(ids.Select(id => api.WaitForSettledAsync(id, TimeSpan.FromMinutes(2))));
        var figures = await FaultFigures.CollectAsync(
            $"payment-service 503 for {Outage.TotalSeconds:0} s", outcomes, seen.Count(o => o is { IsTerminal: false }), apis, productId, InitialStock);
        output.WriteLine(figures.Row);

        seen.Should().OnlyContain(o => o!.Status == OrderStatus.Reserved, "no order gets past the charge while payment-service fails");
        outcomes.Should().OnlyContain(o => o.Status == OrderStatus.Completed, platform.Diagnostics());
        outcomes.Should().OnlyContain(o => !o.Statuses.Contains(OrderStatus.OnHold), "none needed an operator");
        figures.StockDrift.Should().Be(0);
        figures.Reserved.Should().Be(0);
        figures.ChargedOtherThanOnce.Should().Be(0);
    }

    /// <summary>Backoff capped at 5 s instead of 30 s, so the run does not wait out long delays after the service is back.</summary>
    public sealed class OwnPlatform : PlatformFixture
    {
        protected override PlatformOptions ConfigureLocal(PlatformOptions options) => base.ConfigureLocal(options)
            .WithAppEnvironment(AppIds.OrderService, "OrderWorkflow__FaultRetry__MaxInterval", "00:00:05");
    }
}
