using System.Net;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.EndToEnd.Tests.Infrastructure;

namespace OrderPlatform.EndToEnd.Tests.Scenarios;

/// <summary>Orders above the approval threshold wait for a decision; the fixture shortens the approval timeout.</summary>
[Collection(PlatformCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class ApprovalAndCancellationTests(PlatformFixture platform)
{
    private OrderApi Orders => platform.Clients.Orders;

    private InternalApis Internal => platform.Clients.Internal;

    [InternalFact]
    public async Task An_approved_large_order_completes()
    {
        var productId = await Internal.NewProductAsync(available: 5, price: PlatformFixture.ApprovalThreshold);
        var orderId = await Orders.CreateAsync(LargeOrder(productId));
        await Orders.WaitForAsync(orderId, null, OrderStatus.AwaitingApproval);

        using var approve = await platform.Clients.Operator.ApproveAsync(orderId, approved: true);

        approve.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var order = await Orders.WaitForAsync(orderId);
        order.Status.Should().Be(OrderStatus.Completed, platform.Diagnostics());
        order.Statuses.Should().ContainInOrder(OrderStatus.AwaitingApproval, OrderStatus.Approved, OrderStatus.Completed);
    }

    [InternalFact]
    public async Task A_large_order_nobody_approves_fails_when_the_approval_times_out()
    {
        var productId = await Internal.NewProductAsync(available: 5, price: PlatformFixture.ApprovalThreshold);
        var orderId = await Orders.CreateAsync(LargeOrder(productId));

        var order = await Orders.WaitForAsync(orderId, PlatformFixture.ApprovalTimeout * 5);

        order.Status.Should().Be(OrderStatus.Failed, platform.Diagnostics());
        order.FailureReason.Should().Contain("approval");
        (await Internal.StockAsync(productId)).Available.Should().Be(5);
    }

    [InternalFact]
    public async Task An_order_cancelled_before_shipping_is_cancelled_and_holds_no_stock()
    {
        var productId = await Internal.NewProductAsync(available: 5, price: PlatformFixture.ApprovalThreshold);
        var orderId = await Orders.CreateAsync(LargeOrder(productId));
        await Orders.WaitForAsync(orderId, null, OrderStatus.AwaitingApproval);

        using var cancel = await Orders.CancelAsync(orderId);

        cancel.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var order = await Orders.WaitForAsync(orderId);
        order.Status.Should().Be(OrderStatus.Cancelled, platform.Diagnostics());
        (await Internal.StockAsync(productId)).Should().BeEquivalentTo(new { Available = 5, Reserved = 0 });
        using var again = await Orders.CancelAsync(orderId);
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    private static CreateOrderRequest LargeOrder(string productId) =>
        OrderApi.NewOrder(productId, quantity: 2); // priced at the threshold each: twice it in total
}
