using OrderPlatform.Contracts.Orders;
using OrderPlatform.EndToEnd.Tests.Infrastructure;

namespace OrderPlatform.EndToEnd.Tests.Scenarios;

/// <summary>
/// payment-service failing, seen through the resiliency policy of components/resiliency.yaml (serviceRetry: 3 constant
/// 1s retries; paymentCircuitBreaker trips at 5 consecutive failures). A platform of its own, so the open breaker
/// cannot disturb other tests.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class ResiliencyTests(ResiliencyTests.OwnPlatform platform) : IClassFixture<ResiliencyTests.OwnPlatform>
{
    private const int AttemptsPerCall = 1 + 3;
    private const int TripAfter = 5;

    /// <summary>
    /// What two failing orders would send payment-service with no breaker: the charge, then the refund compensation
    /// (three workflow attempts), each call retried by the sidecar. The breaker's counts restart every 10 s
    /// (<c>interval</c>), so it may take a few more failures than <see cref="TripAfter"/> to open, but far fewer than this.
    /// </summary>
    private const int CallsWithoutBreaker = 2 * (AttemptsPerCall + (3 * AttemptsPerCall));

    [FaultInjectionFact]
    public async Task Payment_outages_are_retried_then_trip_the_breaker_and_compensate()
    {
        var orders = platform.Clients.Orders;
        var apis = platform.Clients.Internal;
        var productId = await apis.NewProductAsync(available: 10);

        // Down for a while: two failed attempts, the third (second retry) succeeds.
        await apis.FailPaymentsAsync(failNext: 2);
        var survived = await orders.WaitForAsync(await orders.CreateAsync(OrderApi.NewOrder(productId)));
        survived.Status.Should().Be(OrderStatus.Completed, platform.Diagnostics());
        (await apis.RemainingPaymentFaultsAsync()).Should().Be(0);

        // Down for good: the first order uses up its retries, the next trips the breaker, which then fails fast.
        const int outage = 1000;
        await apis.FailPaymentsAsync(failNext: outage);
        var first = await orders.WaitForAsync(await orders.CreateAsync(OrderApi.NewOrder(productId)));
        var second = await orders.WaitForAsync(await orders.CreateAsync(OrderApi.NewOrder(productId)));
        var served = outage - await apis.RemainingPaymentFaultsAsync();
        await apis.ClearPaymentFaultsAsync();

        first.Status.Should().Be(OrderStatus.Failed, platform.Diagnostics());
        second.Status.Should().Be(OrderStatus.Failed);
        served.Should().BeGreaterThanOrEqualTo(TripAfter)
            .And.BeLessThan(CallsWithoutBreaker / 2, "the open breaker keeps most attempts from reaching payment-service");
        (await apis.StockAsync(productId)).Available.Should().Be(9, "both failed orders released their reservations");
    }

    public sealed class OwnPlatform : PlatformFixture;
}
