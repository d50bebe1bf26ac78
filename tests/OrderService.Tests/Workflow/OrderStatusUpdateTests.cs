using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Workflow;
using OrderPlatform.OrderService.Tests.Support;

namespace OrderPlatform.OrderService.Tests.Workflow;

/// <summary>How one status change lands on the stored order.</summary>
public sealed class OrderStatusUpdateTests
{
    private static readonly DateTimeOffset At = TestOrders.Now.AddMinutes(5);

    [Fact]
    public void An_order_without_history_gets_the_change_as_its_first_entry()
    {
        var order = TestOrders.Stored() with { History = [] };

        var next = order.Apply(new OrderStatusUpdate("ord-1", OrderStatus.Reserved, At, "stock reserved"));

        next!.History.Should().Equal(new OrderStatusChange(OrderStatus.Reserved, At, "stock reserved"));
    }

    [Fact]
    public void Only_the_same_status_with_the_same_detail_counts_as_already_recorded()
    {
        var order = TestOrders.Stored(status: OrderStatus.Shipped) with { History = [new OrderStatusChange(OrderStatus.Shipped, TestOrders.Now, "note")] };

        order.Apply(new OrderStatusUpdate("ord-1", OrderStatus.Shipped, At, "note")).Should().BeNull();
        order.Apply(new OrderStatusUpdate("ord-1", OrderStatus.Completed, At, "note"))!.History.Select(h => h.Status)
            .Should().Equal(OrderStatus.Shipped, OrderStatus.Completed);
        order.Apply(new OrderStatusUpdate("ord-1", OrderStatus.Shipped, At, "another note"))!.History.Should().HaveCount(2);
    }

    [Fact]
    public void A_change_sets_the_ids_and_reason_it_carries_and_keeps_the_ones_it_does_not()
    {
        var order = TestOrders.Stored(status: OrderStatus.Shipped) with { PaymentId = "pay-1", TrackingNumber = "T-1", FailureReason = "first" };

        var kept = order.Apply(new OrderStatusUpdate("ord-1", OrderStatus.OnHold, At, "held"))!;
        var replaced = order.Apply(new OrderStatusUpdate("ord-1", OrderStatus.Failed, At, "failed", null, "pay-2", "T-2", "second"))!;

        (kept.PaymentId, kept.TrackingNumber, kept.FailureReason).Should().Be(("pay-1", "T-1", "first"));
        (replaced.PaymentId, replaced.TrackingNumber, replaced.FailureReason).Should().Be(("pay-2", "T-2", "second"));
    }
}
