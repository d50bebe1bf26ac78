using System.Net;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.EndToEnd.Tests.Infrastructure;

namespace OrderPlatform.EndToEnd.Tests.Scenarios;

/// <summary>
/// The public API's access rules on the running platform (development tokens): no token is a 401, a customer never
/// reaches another customer's orders nor an operator route, an operator never approves their own order, and an
/// Idempotency-Key is its customer's own. Each refusal leaves the order as it was.
/// </summary>
[Collection(PlatformCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class AccessControlTests(PlatformFixture platform)
{
    [Fact]
    public async Task Without_a_token_nothing_is_created()
    {
        var order = OrderApi.NewOrder("SKU-002", orderId: OrderApi.Unique("ord"));

        using var response = await platform.Clients.Anonymous().PostAsync(order);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await platform.Clients.Operator.GetAsync(order.OrderId!)).Should().BeNull();
    }

    [Fact]
    public async Task A_second_customer_cannot_read_list_cancel_or_approve_the_first_ones_order()
    {
        var owner = platform.Clients.NewCustomer();
        var other = platform.Clients.NewCustomer();
        var orderId = await owner.CreateAsync(await LargeOrderAsync());
        await owner.WaitForAsync(orderId, null, OrderStatus.AwaitingApproval);

        (await other.GetAsync(orderId)).Should().BeNull("another customer's order is not found");
        using var cancel = await other.CancelAsync(orderId);
        using var list = await other.Http.GetAsync($"/api/orders?customerId={owner.CallerId}");
        using var approve = await other.ApproveAsync(orderId, approved: true);
        using var create = await other.PostAsync(OrderApi.NewOrder("SKU-002", customerId: owner.CallerId));

        cancel.StatusCode.Should().Be(HttpStatusCode.NotFound);
        list.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        approve.StatusCode.Should().Be(HttpStatusCode.Forbidden, "approving is an operator's");
        create.StatusCode.Should().Be(HttpStatusCode.Forbidden, "orders are created for the caller only");
        (await other.MineAsync()).Should().BeEmpty();
        (await owner.MineAsync()).Select(o => o.OrderId).Should().Equal(orderId);
        (await owner.GetAsync(orderId))!.Status.Should().Be(OrderStatus.AwaitingApproval);
        using var cleanup = await owner.CancelAsync(orderId);
        cleanup.StatusCode.Should().Be(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task An_operator_cannot_approve_their_own_order()
    {
        var operatorCustomer = platform.Clients.OperatorAs(OrderApi.Unique("ops"));
        var orderId = await operatorCustomer.CreateAsync(await LargeOrderAsync());
        await operatorCustomer.WaitForAsync(orderId, null, OrderStatus.AwaitingApproval);

        using var approve = await operatorCustomer.ApproveAsync(orderId, approved: true);

        approve.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await operatorCustomer.GetAsync(orderId))!.Status.Should().Be(OrderStatus.AwaitingApproval);
        using var cleanup = await operatorCustomer.CancelAsync(orderId);
        cleanup.StatusCode.Should().Be(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task The_same_idempotency_key_of_two_customers_makes_two_orders()
    {
        var first = platform.Clients.NewCustomer();
        var second = platform.Clients.NewCustomer();
        var key = OrderApi.Unique("idem");

        using var a = await first.PostAsync(OrderApi.NewOrder("SKU-002"), key);
        using var b = await second.PostAsync(OrderApi.NewOrder("SKU-002"), key);

        a.StatusCode.Should().Be(HttpStatusCode.Accepted);
        b.StatusCode.Should().Be(HttpStatusCode.Accepted, "the key is the second customer's own");
        var secondId = await OrderApi.ReadOrderIdAsync(b);
        secondId.Should().NotBe(await OrderApi.ReadOrderIdAsync(a));
        (await second.GetAsync(secondId))!.CustomerId.Should().Be(second.CallerId);
    }

    /// <summary>Above the approval threshold: it waits for an operator, so nothing moves while the test looks.</summary>
    private async Task<CreateOrderRequest> LargeOrderAsync() =>
        OrderApi.NewOrder(await platform.Clients.Internal.NewProductAsync(available: 5, price: PlatformFixture.ApprovalThreshold), quantity: 2);
}
