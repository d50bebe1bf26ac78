using OrderPlatform.Contracts.Events;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Workflow;
using OrderPlatform.OrderService.Workflow.Activities;
using OrderPlatform.OrderService.Tests.Support;

namespace OrderPlatform.OrderService.Tests.Workflow;

public sealed class ApprovalAndCancellationTests
{
    private readonly WorkflowHarness h = new();
    private readonly OrderWorkflowInput bigOrder = TestOrders.WorkflowInput(total: 1500m, threshold: 1000m);

    [Fact]
    public async Task Orders_at_the_threshold_need_no_approval()
    {
        var result = await h.RunAsync(TestOrders.WorkflowInput(total: 1000m, threshold: 1000m));

        result.Status.Should().Be(OrderStatus.Completed);
        h.Calls.Should().NotContain(nameof(CheckStockStepActivity), "nothing to wait for: the reservation checks the stock");
        h.TimerFireAt.Should().BeNull();
    }

    [Fact]
    public async Task Approval_granted_continues_to_reserve_and_completes()
    {
        h.Approval.SetResult(new ApprovalDecision(true, "alice", "known customer"));

        var result = await h.RunAsync(bigOrder);

        result.Status.Should().Be(OrderStatus.Completed);
        h.Calls.Should().StartWith([nameof(CheckStockStepActivity), "Record:Approved", nameof(ReserveStockStepActivity)]);
        ((CheckStockStep)h.Inputs[nameof(CheckStockStepActivity)]).WhenAvailable.Should().Match<OrderStatusUpdate>(u =>
            u.Status == OrderStatus.AwaitingApproval && u.Detail == "total 1500 USD is above the approval threshold of 1000",
            "check-stock records the wait when the stock is there");
        h.Update(OrderStatus.Approved).Detail.Should().Be("approved by alice: known customer");
        h.TimerFireAt.Should().Be(WorkflowHarness.Now.AddHours(2), "the timeout is the input's ApprovalTimeout from the workflow clock");
    }

    [Fact]
    public async Task Approval_rejected_fails_before_anything_is_reserved()
    {
        h.Approval.SetResult(new ApprovalDecision(false, "bob", "too risky"));

        var result = await h.RunAsync(bigOrder);

        result.Should().Be(new OrderWorkflowResult(OrderStatus.Failed, "approval rejected by bob: too risky"));
        h.Calls.Should().Equal(nameof(CheckStockStepActivity), "Record:Failed");
    }

    [Fact]
    public async Task Approval_timeout_fails_with_approval_timed_out()
    {
        h.Timer.SetResult();

        var result = await h.RunAsync(bigOrder);

        result.Should().Be(new OrderWorkflowResult(OrderStatus.Failed, "approval timed out"));
        h.Calls.Should().Equal(nameof(CheckStockStepActivity), "Record:Failed");
        h.Update(OrderStatus.Failed).EventType.Should().Be(OrderEventTypes.Failed);
    }

    [Fact]
    public async Task Cancel_while_awaiting_approval_cancels_without_compensation()
    {
        h.Cancel.SetResult(new CancelOrderSignal("changed my mind"));

        var result = await h.RunAsync(bigOrder);

        result.Should().Be(new OrderWorkflowResult(OrderStatus.Cancelled, "changed my mind"));
        h.Calls.Should().Equal(nameof(CheckStockStepActivity), "Record:Cancelled");
        h.Update(OrderStatus.Cancelled).EventType.Should().Be(OrderEventTypes.Cancelled);
    }

    [Fact]
    public async Task Cancel_before_reserve_cancels_with_nothing_to_compensate_after_publishing_order_created()
    {
        h.Cancel.SetResult(new CancelOrderSignal("customer request"));

        var result = await h.RunAsync();

        result.Status.Should().Be(OrderStatus.Cancelled);
        h.Calls.Should().Equal("Record:Pending", "Record:Cancelled");
        h.Update(OrderStatus.Pending).EventType.Should().Be(OrderEventTypes.Created, "no step ran to publish it");
    }

    [Fact]
    public async Task Cancel_after_reserve_releases_the_stock()
    {
        h.After(nameof(ReserveStockStepActivity), () => h.Cancel.SetResult(new CancelOrderSignal("customer request")));

        var result = await h.RunAsync();

        result.Status.Should().Be(OrderStatus.Cancelled);
        h.Calls.Should().Equal(nameof(ReserveStockStepActivity), nameof(ReleaseStockActivity), "Record:Cancelled");
    }

    [Fact]
    public async Task Cancel_after_the_charge_refunds_and_releases_before_cancelling()
    {
        h.After(nameof(ProcessPaymentStepActivity), () => h.Cancel.SetResult(new CancelOrderSignal("customer request")));

        var result = await h.RunAsync();

        result.Status.Should().Be(OrderStatus.Cancelled);
        h.Calls.Should().Equal(
            nameof(ReserveStockStepActivity), nameof(ProcessPaymentStepActivity),
            nameof(RefundPaymentActivity), nameof(ReleaseStockActivity), "Record:Cancelled");
        h.Calls.Should().NotContain(nameof(ShipOrderStepActivity));
    }

    [Fact]
    public async Task Cancel_after_shipping_is_ignored_and_recorded_in_history()
    {
        h.After(nameof(ShipOrderStepActivity), () => h.Cancel.SetResult(new CancelOrderSignal("too late")));

        var result = await h.RunAsync();

        result.Status.Should().Be(OrderStatus.Completed);
        h.Calls.Should().EndWith([nameof(ShipOrderStepActivity), nameof(CommitStockStepActivity)]);
        ((CommitStockStep)h.Inputs[nameof(CommitStockStepActivity)]).CancelIgnored.Should().BeTrue("the commit step notes it before completing");
        h.Calls.Should().NotContain([nameof(RefundPaymentActivity), nameof(ReleaseStockActivity), "Record:Cancelled"]);
    }
}
