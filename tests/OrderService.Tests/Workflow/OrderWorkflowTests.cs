using OrderPlatform.Contracts.Inventory;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.Contracts.Payments;
using OrderPlatform.Contracts.Shipping;
using OrderPlatform.OrderService.Workflow;
using OrderPlatform.OrderService.Workflow.Activities;
using OrderPlatform.OrderService.Tests.Support;

namespace OrderPlatform.OrderService.Tests.Workflow;

public sealed class OrderWorkflowTests
{
    private readonly WorkflowHarness h = new();

    [Fact]
    public async Task The_workflow_logs_its_start_and_its_end_through_the_replay_safe_logger()
    {
        await h.RunAsync();

        h.Context.Verify(c => c.CreateReplaySafeLogger<OrderPlatform.OrderService.Workflow.OrderWorkflow>(), Times.Once);
        h.Log.Collector.GetSnapshot().Select(r => r.Message).Should().Equal(
            "Order ord-1 workflow started: 60 USD, approval not required",
            "Order ord-1 ended Completed: no reason given");
    }

    [Fact]
    public async Task Happy_path_is_one_activity_per_step_each_recording_its_own_status_and_event()
    {
        var result = await h.RunAsync();

        result.Status.Should().Be(OrderStatus.Completed);
        h.Calls.Should().Equal(
            nameof(ReserveStockStepActivity), nameof(ProcessPaymentStepActivity), nameof(ShipOrderStepActivity), nameof(CommitStockStepActivity));
        h.Updates.Should().BeEmpty("no status needs a recording of its own on the happy path");
        Recording(nameof(ProcessPaymentStepActivity)).Should().Be(new StepRecording("ord-1", new DateTimeOffset(WorkflowHarness.Now)));
        ((CommitStockStep)h.Inputs[nameof(CommitStockStepActivity)]).CancelIgnored.Should().BeFalse();
    }

    [Fact]
    public async Task The_first_step_publishes_order_created_and_no_later_step_does()
    {
        (await h.RunAsync()).Status.Should().Be(OrderStatus.Completed);

        Recording(nameof(ReserveStockStepActivity)).PublishesCreated.Should().BeTrue();
        foreach (var later in new[] { nameof(ProcessPaymentStepActivity), nameof(ShipOrderStepActivity), nameof(CommitStockStepActivity) })
        {
            Recording(later).PublishesCreated.Should().BeFalse(later);
        }

        h.RetryPolicyOf(nameof(ReserveStockStepActivity)).Should().NotBeNull("a pub/sub outage is retried durably");
    }

    [Fact]
    public async Task An_order_that_needs_approval_publishes_order_created_from_its_stock_check()
    {
        h.Approval.SetResult(new ApprovalDecision(true, "alice", null));

        await h.RunAsync(TestOrders.WorkflowInput(total: 1500m));

        Recording(nameof(CheckStockStepActivity)).PublishesCreated.Should().BeTrue();
        Recording(nameof(ReserveStockStepActivity)).PublishesCreated.Should().BeFalse();
    }

    [Fact]
    public async Task An_input_without_order_created_in_the_workflow_publishes_it_from_no_step()
    {
        await h.RunAsync(TestOrders.WorkflowInput() with { PublishesCreated = false });

        Recording(nameof(ReserveStockStepActivity)).PublishesCreated.Should().BeFalse("the starter published it");
    }

    [Fact]
    public async Task Downstream_requests_are_keyed_by_order_id_and_carry_the_order()
    {
        await h.RunAsync();

        ((ReserveStockStep)h.Inputs[nameof(ReserveStockStepActivity)]).Request.Should().BeEquivalentTo(new { ReservationId = "ord-1", OrderId = "ord-1" });
        ((ReserveStockStep)h.Inputs[nameof(ReserveStockStepActivity)]).Request.Items.Should().Equal(new StockLine("sku-1", 2), new StockLine("sku-2", 1));
        ((ProcessPaymentStep)h.Inputs[nameof(ProcessPaymentStepActivity)]).Request.Should().Be(new PaymentRequest("ord-1", "cust-1", 60m, "USD", "tok_visa"));
        ((ShipOrderStep)h.Inputs[nameof(ShipOrderStepActivity)]).Request.Address!.City.Should().Be("Springfield");
        ((CommitStockStep)h.Inputs[nameof(CommitStockStepActivity)]).Request.Should().BeEquivalentTo(new CommitStockRequest("ord-1", ["sku-1", "sku-2"]));
    }

    [Fact]
    public async Task Stock_check_rejection_before_an_approval_fails_the_order_without_compensation()
    {
        h.Answer<CheckStockResponse>(nameof(CheckStockStepActivity), _ => new CheckStockResponse(false, [new StockShortage("sku-1", 2, 0)]));

        var result = await h.RunAsync(TestOrders.WorkflowInput(total: 1500m));

        result.Status.Should().Be(OrderStatus.Failed);
        h.Calls.Should().Equal(nameof(CheckStockStepActivity), "Record:Failed");
        var failed = h.Update(OrderStatus.Failed);
        failed.FailureReason.Should().Contain("insufficient stock").And.Contain("sku-1");
        failed.EventType.Should().Be(Contracts.Events.OrderEventTypes.Failed);
    }

    [Fact]
    public async Task Without_approval_the_reservation_is_the_stock_check_a_shortage_fails_as_out_of_stock_without_release()
    {
        h.Answer<ReservationResult>(nameof(ReserveStockStepActivity), _ => new ReservationResult("ord-1", ReservationStatus.Rejected, [new StockShortage("sku-2", 1, 0)]));

        var result = await h.RunAsync();

        result.Status.Should().Be(OrderStatus.Failed);
        h.Calls.Should().Equal(nameof(ReserveStockStepActivity), "Record:Failed");
        h.Update(OrderStatus.Failed).FailureReason.Should().Be("insufficient stock: sku-2 (requested 1, available 0)", "what check-stock said before");
    }

    [Fact]
    public async Task A_reservation_rejected_after_an_approval_fails_the_order_without_release()
    {
        h.Approval.SetResult(new ApprovalDecision(true, "alice", null));
        h.Answer<ReservationResult>(nameof(ReserveStockStepActivity), _ => new ReservationResult("ord-1", ReservationStatus.Rejected, [new StockShortage("sku-2", 1, 0)]));

        var result = await h.RunAsync(TestOrders.WorkflowInput(total: 1500m));

        result.Status.Should().Be(OrderStatus.Failed);
        h.Calls.Should().Equal(nameof(CheckStockStepActivity), "Record:Approved", nameof(ReserveStockStepActivity), "Record:Failed");
        h.Update(OrderStatus.Failed).FailureReason.Should().Contain("stock reservation rejected").And.Contain("sku-2");
    }

    [Fact]
    public async Task Payment_decline_releases_the_stock_and_fails_without_refund()
    {
        h.Answer<PaymentResult>(nameof(ProcessPaymentStepActivity), _ => new PaymentResult("ord-1", "pay-1", PaymentStatus.Declined, 60m, "insufficient funds", WorkflowHarness.Now));

        var result = await h.RunAsync();

        result.Should().Be(new OrderWorkflowResult(OrderStatus.Failed, "payment declined: insufficient funds"));
        h.Calls.Should().Equal(
            nameof(ReserveStockStepActivity), nameof(ProcessPaymentStepActivity), nameof(ReleaseStockActivity), "Record:Failed");
        h.Inputs[nameof(ReleaseStockActivity)].Should().Be(new ReleaseStockRequest("ord-1"));
    }

    [Fact]
    public async Task Shipping_rejection_refunds_then_releases_and_fails()
    {
        h.Answer<ShipmentResult>(nameof(ShipOrderStepActivity), _ => new ShipmentResult("ord-1", ShipmentStatus.Rejected, null, "destination not served"));

        var result = await h.RunAsync();

        result.Status.Should().Be(OrderStatus.Failed);
        h.Calls.Should().EndWith([nameof(ShipOrderStepActivity), nameof(RefundPaymentActivity), nameof(ReleaseStockActivity), "Record:Failed"]);
        h.Update(OrderStatus.Failed).FailureReason.Should().Be("shipment rejected: destination not served");
        h.Calls.Should().NotContain(nameof(CommitStockStepActivity), "nothing shipped, so the reservation is released, not committed");
        ((RefundRequest)h.Inputs[nameof(RefundPaymentActivity)]).OrderId.Should().Be("ord-1");
    }

    [Fact]
    public async Task A_stock_commit_that_keeps_failing_holds_the_shipped_order_and_completes_once_resumed()
    {
        h.Fail<ReservationResult>(nameof(CommitStockStepActivity), "inventory-service answered 503", times: 1);
        h.ResumeHolds();

        var result = await h.RunAsync();

        result.Status.Should().Be(OrderStatus.Completed);
        h.Calls.Should().EndWith([
            nameof(ShipOrderStepActivity), nameof(CommitStockStepActivity), "Record:OnHold", "WaitForResume", "Record:Shipped",
            nameof(CommitStockStepActivity)]);
        h.Calls.Should().NotContain([nameof(RefundPaymentActivity), nameof(ReleaseStockActivity), "Record:Failed"]);
        h.Update(OrderStatus.OnHold).Detail.Should().Contain("stock commit kept failing").And.Contain("inventory-service answered 503");
        h.Update(OrderStatus.Shipped).Detail.Should().Be("resumed by an operator: retrying stock commit", "the ship step recorded Shipped before the commit");
    }

    private StepRecording Recording(string activity) => h.Inputs[activity] switch
    {
        CheckStockStep s => s.Recording,
        ReserveStockStep s => s.Recording,
        ProcessPaymentStep s => s.Recording,
        ShipOrderStep s => s.Recording,
        CommitStockStep s => s.Recording,
        var other => throw new InvalidOperationException($"{activity} got {other}"),
    };
}
