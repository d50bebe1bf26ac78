using Dapr.Workflow;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.Contracts.Payments;
using OrderPlatform.Contracts.Shipping;
using OrderPlatform.OrderService.Workflow;
using OrderPlatform.OrderService.Workflow.Activities;
using OrderPlatform.OrderService.Tests.Support;

namespace OrderPlatform.OrderService.Tests.Workflow;

/// <summary>
/// A resume note and a failed compensation attempt are recorded with the order's last status (what the steps recorded
/// themselves), so the order's status stays what it was; and the compensation's own hold is not ended by a cancel.
/// </summary>
public sealed class StatusTrackingTests
{
    private const string ResumedRecording = "resumed by an operator: retrying status recording";
    private readonly WorkflowHarness h = new();

    [Fact]
    public async Task A_resume_after_the_stock_check_recorded_the_wait_for_approval_keeps_awaiting_approval()
    {
        h.Approval.SetResult(new ApprovalDecision(true, "alice", null));
        FailRecordingOnce(OrderStatus.Approved);
        h.ResumeHolds();

        (await h.RunAsync(TestOrders.WorkflowInput(total: 1500m))).Status.Should().Be(OrderStatus.Completed);

        h.Updates.Single(u => u.Detail == ResumedRecording).Status.Should().Be(OrderStatus.AwaitingApproval);
        h.Updates.Where(u => u.Status == OrderStatus.Approved).Select(u => u.Detail).Should().Equal("approved by alice", "approved by alice");
    }

    [Fact]
    public async Task A_stock_check_that_finds_a_shortage_records_no_wait_so_a_resume_stays_pending()
    {
        h.Answer<CheckStockResponse>(nameof(CheckStockStepActivity), _ => new CheckStockResponse(false, []));
        FailRecordingOnce(OrderStatus.Failed);
        h.ResumeHolds();

        var result = await h.RunAsync(TestOrders.WorkflowInput(total: 1500m));

        result.Should().Be(new OrderWorkflowResult(OrderStatus.Failed, "insufficient stock: no details"));
        h.Updates.Single(u => u.Detail == ResumedRecording).Status.Should().Be(OrderStatus.Pending);
    }

    [Fact]
    public async Task A_rejected_reservation_records_nothing_so_a_resume_stays_pending()
    {
        h.Answer<ReservationResult>(nameof(ReserveStockStepActivity), _ => new ReservationResult("ord-1", ReservationStatus.Rejected, [new StockShortage("sku-1", 2, 1)]));
        FailRecordingOnce(OrderStatus.Failed);
        h.ResumeHolds();

        await h.RunAsync();

        h.Updates.Single(u => u.Detail == ResumedRecording).Status.Should().Be(OrderStatus.Pending);
    }

    [Fact]
    public async Task A_rejected_shipment_records_nothing_so_a_failed_refund_attempt_is_noted_on_paid()
    {
        h.Answer<ShipmentResult>(nameof(ShipOrderStepActivity), _ => new ShipmentResult("ord-1", ShipmentStatus.Rejected, null, null));
        h.Fail<RefundResult>(nameof(RefundPaymentActivity), "payment-service down", times: 1);

        var result = await h.RunAsync();

        result.Should().Be(new OrderWorkflowResult(OrderStatus.Failed, "shipment rejected: no reason given"));
        h.Updates.Single(u => u.Detail!.StartsWith("refund attempt 1", StringComparison.Ordinal)).Status.Should().Be(OrderStatus.Paid);
    }

    [Fact]
    public async Task A_payment_declined_without_a_reason_says_so()
    {
        h.Answer<PaymentResult>(nameof(ProcessPaymentStepActivity), _ => new PaymentResult("ord-1", "", PaymentStatus.Declined, 60m, null, WorkflowHarness.Now));

        (await h.RunAsync()).Should().Be(new OrderWorkflowResult(OrderStatus.Failed, "payment declined: no reason given"));
    }

    [Fact]
    public async Task A_cancel_while_the_first_reservation_is_on_hold_releases_what_it_may_have_reserved()
    {
        h.Fail<ReservationResult>(nameof(ReserveStockStepActivity), "inventory-service answered 503");
        h.After(nameof(ReserveStockStepActivity), () => h.Cancel.TrySetResult(new CancelOrderSignal("customer gave up")));

        var result = await h.RunAsync();

        result.Should().Be(new OrderWorkflowResult(OrderStatus.Cancelled, "customer gave up"));
        h.Calls.Should().Equal(
            nameof(ReserveStockStepActivity), "Record:OnHold", "WaitForResume", nameof(ReleaseStockActivity), "Record:Pending", "Record:Cancelled");
    }

    [Fact]
    public async Task A_compensation_holds_once_its_window_is_reached_and_a_cancel_then_does_not_end_the_hold()
    {
        // Attempts at +0 s, +1 s, +2 s: the third is at the window's end, so the order goes on hold.
        var compensation = new RetrySettings(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        h.Answer<PaymentResult>(nameof(ProcessPaymentStepActivity), _ => new PaymentResult("ord-1", "", PaymentStatus.Declined, 60m, "insufficient funds", WorkflowHarness.Now));
        h.After(nameof(ProcessPaymentStepActivity), () => h.Cancel.TrySetResult(new CancelOrderSignal("customer gave up")));
        h.Fail<ReservationResult>(nameof(ReleaseStockActivity), "inventory-service down", times: 3);

        var run = h.RunAsync(TestOrders.WorkflowInput() with { CompensationRetry = compensation });
        h.ResumeHolds();
        var result = await run;

        result.Should().Be(new OrderWorkflowResult(OrderStatus.Failed, "payment declined: insufficient funds"), "the order was failing: the cancel changes nothing");
        h.Calls.Should().Equal(
            nameof(ReserveStockStepActivity), nameof(ProcessPaymentStepActivity),
            nameof(ReleaseStockActivity), "Record:Reserved", "Timer", nameof(ReleaseStockActivity), "Record:Reserved", "Timer",
            nameof(ReleaseStockActivity), "Record:OnHold", "WaitForResume", "Record:Reserved", nameof(ReleaseStockActivity), "Record:Failed");
    }

    private void FailRecordingOnce(OrderStatus status)
    {
        var failed = false;
        h.Answer<OrderStatus>(nameof(RecordOrderStatusActivity), i =>
        {
            var update = (OrderStatusUpdate)i;
            if (update.Status == status && !failed)
            {
                failed = true;
                throw new WorkflowTaskFailedException("x", new WorkflowTaskFailureDetails("E", "state store down", null));
            }

            return update.Status;
        });
    }
}
