using Dapr.Workflow;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Orders.Intake;
using OrderPlatform.OrderService.Orders.Operators;
using OrderPlatform.OrderService.Orders.Reconciliation;
using OrderPlatform.OrderService.Storage;
using OrderPlatform.OrderService.Tests.Support;
using static OrderPlatform.OrderService.Orders.Reconciliation.OrderReconciler;

namespace OrderPlatform.OrderService.Tests.Workflow;

/// <summary>What the reconciler does with each kind of order that is not moving.</summary>
public sealed class ReconcilerDecisionTests
{
    private static readonly ReconciliationOptions Settings = new()
    {
        ResumeOnHoldAfter = TimeSpan.FromMinutes(30),
        ReservationExpiry = TimeSpan.FromDays(2),
        StuckAfter = TimeSpan.FromHours(1),
    };

    private static readonly DateTimeOffset Created = TestOrders.Now;

    [Fact]
    public void A_pending_order_without_a_workflow_is_started_from_its_saved_input_once_the_start_grace_has_passed()
    {
        var order = Order(OrderStatus.Pending) with { WorkflowInput = TestOrders.WorkflowInput() };

        Decide(order, null, Created + OrderStarter.StartGrace, Settings).Should().Be(ReconcileAction.Start);
        Decide(order, null, Created + OrderStarter.StartGrace - TimeSpan.FromSeconds(1), Settings)
            .Should().Be(ReconcileAction.None, "its own request may still be starting it");
        Decide(order, Running(), Created + TimeSpan.FromHours(1), Settings).Should().NotBe(ReconcileAction.Start);
    }

    [Fact]
    public void A_pending_order_saved_without_its_input_is_left_for_an_operator_never_started_with_a_default_payment_token()
    {
        Decide(Order(OrderStatus.Pending), null, Created + TimeSpan.FromMinutes(5), Settings).Should().Be(ReconcileAction.Attention);
    }

    [Fact]
    public void An_order_on_hold_is_resumed_after_a_while_and_cancelled_past_its_reservation_expiry()
    {
        var heldAt = Created + TimeSpan.FromMinutes(12);
        var order = Order(OrderStatus.OnHold) with { UpdatedAt = heldAt };

        Decide(order, Running(), heldAt + TimeSpan.FromMinutes(29), Settings).Should().Be(ReconcileAction.None);
        Decide(order, Running(), heldAt + TimeSpan.FromMinutes(30), Settings).Should().Be(ReconcileAction.ResumeHold);
        Decide(order, Running(), Created + TimeSpan.FromDays(2), Settings).Should().Be(ReconcileAction.Expire);
    }

    [Fact]
    public void A_suspended_workflow_is_resumed()
    {
        Decide(Order(OrderStatus.Paid), State(WorkflowRuntimeStatus.Suspended), Created + TimeSpan.FromMinutes(1), Settings)
            .Should().Be(ReconcileAction.ResumeSuspended);
    }

    [Theory]
    [InlineData(WorkflowRuntimeStatus.Failed)]
    [InlineData(WorkflowRuntimeStatus.Terminated)]
    [InlineData(WorkflowRuntimeStatus.Completed)]
    public void A_workflow_that_ended_while_its_order_did_not_needs_an_operator(WorkflowRuntimeStatus status)
    {
        Decide(Order(OrderStatus.Paid), State(status), Created + TimeSpan.FromMinutes(1), Settings).Should().Be(ReconcileAction.Attention);
    }

    [Fact]
    public void A_running_order_is_stuck_once_it_has_not_changed_for_the_stuck_time_unless_it_waits_for_approval()
    {
        Decide(Order(OrderStatus.Reserved), Running(), Created + TimeSpan.FromMinutes(59), Settings).Should().Be(ReconcileAction.None);
        Decide(Order(OrderStatus.Reserved), Running(), Created + TimeSpan.FromHours(1), Settings).Should().Be(ReconcileAction.Attention);
        Decide(Order(OrderStatus.AwaitingApproval), Running(), Created + TimeSpan.FromHours(3), Settings).Should().Be(ReconcileAction.None);
    }

    [Fact]
    public void The_attention_list_says_why_each_order_is_on_it_and_leaves_moving_orders_out()
    {
        var held = Order(OrderStatus.OnHold) with
        {
            History = [new OrderStatusChange(OrderStatus.OnHold, Created, "on hold: payment kept failing for 00:10:00 (503)")],
        };
        var later = Created + TimeSpan.FromMinutes(5);

        AttentionEndpoint.Reason(held, Running(), later, Settings).Should().Be("on hold: payment kept failing for 00:10:00 (503)");
        AttentionEndpoint.Reason(Order(OrderStatus.Paid), State(WorkflowRuntimeStatus.Failed), later, Settings)
            .Should().Be("the workflow is failed but the order is paid");
        AttentionEndpoint.Reason(Order(OrderStatus.Pending), null, later, Settings).Should().StartWith("no workflow instance and no saved workflow input");
        AttentionEndpoint.Reason(Order(OrderStatus.Paid), Running(), later, Settings).Should().BeNull("it is moving");
        AttentionEndpoint.Reason(Order(OrderStatus.Paid), Running(), Created + TimeSpan.FromHours(2), Settings).Should().StartWith("stuck:");
    }

    private static StoredOrder Order(OrderStatus status) => TestOrders.Stored(status: status) with { UpdatedAt = Created, CreatedAt = Created };

    private static WorkflowState Running() => State(WorkflowRuntimeStatus.Running);

    private static WorkflowState State(WorkflowRuntimeStatus status) =>
        WorkflowStates.Create("ord-1", status, Created.UtcDateTime, Created.UtcDateTime);
}
