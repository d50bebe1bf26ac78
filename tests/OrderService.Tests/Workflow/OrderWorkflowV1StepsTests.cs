using OrderPlatform.Contracts.Events;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Workflow;
using OrderPlatform.OrderService.Workflow.Activities;
using OrderPlatform.OrderService.Tests.Support;

namespace OrderPlatform.OrderService.Tests.Workflow;

/// <summary>
/// Instances started before the step activities recorded their own status replay the step list in their history
/// (<see cref="OrderWorkflowInput.RecordsInSteps"/> false): the same activities, in the same order, as before.
/// </summary>
public sealed class OrderWorkflowV1StepsTests
{
    private readonly WorkflowHarness h = new();

    [Fact]
    public async Task An_input_saved_before_the_change_runs_the_step_list_it_was_started_with()
    {
        var result = await h.RunAsync(TestOrders.WorkflowInput() with { RecordsInSteps = false });

        result.Status.Should().Be(OrderStatus.Completed);
        h.Calls.Should().Equal(
            "Record:Pending", nameof(CheckStockActivity), nameof(ReserveStockActivity), "Record:Reserved",
            nameof(ProcessPaymentActivity), "Record:Paid", nameof(ShipOrderActivity), nameof(CommitStockActivity),
            "Record:Shipped", "Record:Completed");
        h.Updates[0].Should().Match<OrderStatusUpdate>(u => u.EventType == OrderEventTypes.Created && u.Detail == OrderPlatform.OrderService.Storage.StoredOrder.ReceivedDetail);
        h.Update(OrderStatus.Paid).Should().Match<OrderStatusUpdate>(u => u.PaymentId == "pay-1" && u.EventType == OrderEventTypes.Paid);
        h.Update(OrderStatus.Completed).EventType.Should().Be(OrderEventTypes.Completed);
    }

    [Fact]
    public async Task An_input_from_before_order_created_moved_into_the_workflow_starts_with_check_stock()
    {
        await h.RunAsync(TestOrders.WorkflowInput() with { RecordsInSteps = false, PublishesCreated = false });

        h.Calls.Should().StartWith([nameof(CheckStockActivity), nameof(ReserveStockActivity), "Record:Reserved"]);
    }

    [Fact]
    public async Task An_old_instance_awaiting_approval_records_the_wait_and_the_approval_separately()
    {
        h.Approval.SetResult(new ApprovalDecision(true, "alice", null));
        h.After(nameof(ShipOrderActivity), () => h.Cancel.SetResult(new CancelOrderSignal("too late")));

        var result = await h.RunAsync(TestOrders.WorkflowInput(total: 1500m) with { RecordsInSteps = false });

        result.Status.Should().Be(OrderStatus.Completed);
        h.Calls.Should().StartWith(["Record:Pending", nameof(CheckStockActivity), "Record:AwaitingApproval", "Record:Approved", nameof(ReserveStockActivity)]);
        h.Calls.Should().EndWith([nameof(ShipOrderActivity), nameof(CommitStockActivity), "Record:Shipped", "Record:Shipped", "Record:Completed"]);
        h.Updates.Should().Contain(u => u.Detail == "cancellation ignored: the order has already shipped");
    }
}
