using OrderPlatform.Contracts.Orders;
using OrderPlatform.EndToEnd.Tests.Infrastructure;

namespace OrderPlatform.EndToEnd.Tests.Scenarios;

/// <summary>Every failure after a reservation gives the stock back, and a refund follows a charge.</summary>
[Collection(PlatformCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class CompensationTests(PlatformFixture platform)
{
    private OrderApi Orders => platform.Clients.Orders;

    private InternalApis Internal => platform.Clients.Internal;

    [InternalFact]
    public async Task A_declined_payment_fails_the_order_and_restores_the_stock()
    {
        var productId = await Internal.NewProductAsync(available: 5);

        var order = await Orders.WaitForAsync(
            await Orders.CreateAsync(OrderApi.NewOrder(productId, quantity: 2, paymentToken: "tok_decline")));

        order.Status.Should().Be(OrderStatus.Failed, platform.Diagnostics());
        order.FailureReason.Should().Contain("declined");
        order.Statuses.Should().Contain(OrderStatus.Reserved).And.NotContain(OrderStatus.Paid);
        (await Internal.StockAsync(productId)).Should().BeEquivalentTo(new { Available = 5, Reserved = 0 });
        var payment = await Internal.PaymentAsync(order.OrderId);
        payment!.Value.GetProperty("status").GetString().Should().Be("declined");
    }

    [InternalFact]
    public async Task A_shipping_failure_refunds_the_payment_and_restores_the_stock()
    {
        var productId = await Internal.NewProductAsync(available: 5);
        var antarctica = new ShippingAddress("1 Ice Shelf", "McMurdo", "9999", "AQ");

        var order = await Orders.WaitForAsync(
            await Orders.CreateAsync(OrderApi.NewOrder(productId, quantity: 1, address: antarctica)));

        order.Status.Should().Be(OrderStatus.Failed, platform.Diagnostics());
        order.Statuses.Should().Contain(OrderStatus.Paid).And.NotContain(OrderStatus.Shipped);
        (await Internal.StockAsync(productId)).Should().BeEquivalentTo(new { Available = 5, Reserved = 0 });
        var payment = await Internal.PaymentAsync(order.OrderId);
        payment!.Value.GetProperty("status").GetString().Should().Be("refunded");
    }
}
