using Dapr.Workflow;
using OrderPlatform.Contracts.Events;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.Contracts.Payments;
using OrderPlatform.Contracts.Shipping;
using OrderPlatform.OrderService.Storage;
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

    [Fact]
    public async Task Each_status_change_of_an_old_instance_is_recorded_with_its_detail_event_and_ids()
    {
        await h.RunAsync(V1());

        h.Updates.Select(u => (u.Status, u.Detail, u.EventType, u.PaymentId, u.TrackingNumber, u.FailureReason)).Should().Equal(
            (OrderStatus.Pending, StoredOrder.ReceivedDetail, OrderEventTypes.Created, null, null, null),
            (OrderStatus.Reserved, "stock reserved", null, null, null, null),
            (OrderStatus.Paid, "charged 60 USD", OrderEventTypes.Paid, "pay-1", null, null),
            (OrderStatus.Shipped, "shipped", OrderEventTypes.Shipped, null, "TRACK-1", null),
            (OrderStatus.Completed, "order completed; customer notified", OrderEventTypes.Completed, null, null, null));
    }

    [Fact]
    public async Task An_old_instance_records_why_it_waits_and_who_approved_it()
    {
        h.Approval.SetResult(new ApprovalDecision(true, "alice", null));

        await h.RunAsync(V1(total: 1500m));

        h.Updates.Skip(1).Take(2).Select(u => (u.Status, u.Detail)).Should().Equal(
            (OrderStatus.AwaitingApproval, "total 1500 USD is above the approval threshold of 1000"),
            (OrderStatus.Approved, "approved by alice"));
    }

    [Fact]
    public async Task An_old_instance_rejected_by_its_approver_fails_before_reserving()
    {
        h.Approval.SetResult(new ApprovalDecision(false, "bob", "too big"));

        var result = await h.RunAsync(V1(total: 1500m));

        result.Should().Be(new OrderWorkflowResult(OrderStatus.Failed, "approval rejected by bob: too big"));
        h.Calls.Should().Equal("Record:Pending", nameof(CheckStockActivity), "Record:AwaitingApproval", "Record:Failed");
    }

    [Fact]
    public async Task An_old_instance_cancelled_while_awaiting_approval_is_cancelled_and_publishes_order_created_once()
    {
        h.Cancel.SetResult(new CancelOrderSignal("changed my mind"));

        var result = await h.RunAsync(V1(total: 1500m));

        result.Should().Be(new OrderWorkflowResult(OrderStatus.Cancelled, "changed my mind"));
        h.Calls.Should().Equal("Record:Pending", nameof(CheckStockActivity), "Record:AwaitingApproval", "Record:Cancelled");
    }

    [Fact]
    public async Task An_old_instance_short_of_stock_fails_listing_every_shortage()
    {
        h.Answer<CheckStockResponse>(nameof(CheckStockActivity), _ => new CheckStockResponse(false, [new StockShortage("sku-1", 2, 0), new StockShortage("sku-2", 1, 0)]));

        var result = await h.RunAsync(V1());

        result.Should().Be(new OrderWorkflowResult(OrderStatus.Failed, "insufficient stock: sku-1 (requested 2, available 0), sku-2 (requested 1, available 0)"));
        h.Calls.Should().Equal("Record:Pending", nameof(CheckStockActivity), "Record:Failed");
    }

    [Fact]
    public async Task An_old_instance_cancelled_before_reserving_is_cancelled_with_nothing_to_compensate()
    {
        h.Cancel.SetResult(new CancelOrderSignal("customer request"));

        var result = await h.RunAsync(V1());

        result.Should().Be(new OrderWorkflowResult(OrderStatus.Cancelled, "customer request"));
        h.Calls.Should().Equal("Record:Pending", nameof(CheckStockActivity), "Record:Cancelled");
    }

    [Fact]
    public async Task An_old_instance_whose_reservation_is_rejected_fails_without_release()
    {
        h.Answer<ReservationResult>(nameof(ReserveStockActivity), _ => new ReservationResult("ord-1", ReservationStatus.Rejected, []));

        var result = await h.RunAsync(V1());

        result.Should().Be(new OrderWorkflowResult(OrderStatus.Failed, "stock reservation rejected: no details"));
        h.Calls.Should().Equal("Record:Pending", nameof(CheckStockActivity), nameof(ReserveStockActivity), "Record:Failed");
    }

    [Fact]
    public async Task An_old_instance_cancelled_after_reserving_releases_the_stock()
    {
        h.After(nameof(ReserveStockActivity), () => h.Cancel.SetResult(new CancelOrderSignal("customer request")));

        var result = await h.RunAsync(V1());

        result.Status.Should().Be(OrderStatus.Cancelled);
        h.Calls.Should().Equal(
            "Record:Pending", nameof(CheckStockActivity), nameof(ReserveStockActivity), "Record:Reserved", nameof(ReleaseStockActivity), "Record:Cancelled");
    }

    [Theory]
    [InlineData(null, "payment declined: no reason given")]
    [InlineData("card expired", "payment declined: card expired")]
    public async Task An_old_instance_whose_payment_is_declined_releases_and_fails_naming_the_reason(string? reason, string failure)
    {
        h.Answer<PaymentResult>(nameof(ProcessPaymentActivity), _ => new PaymentResult("ord-1", "", PaymentStatus.Declined, 60m, reason, WorkflowHarness.Now));

        var result = await h.RunAsync(V1());

        result.Should().Be(new OrderWorkflowResult(OrderStatus.Failed, failure));
        h.Calls.Should().EndWith([nameof(ReserveStockActivity), "Record:Reserved", nameof(ProcessPaymentActivity), nameof(ReleaseStockActivity), "Record:Failed"]);
    }

    [Fact]
    public async Task An_old_instance_cancelled_after_the_charge_refunds_and_releases()
    {
        h.After(nameof(ProcessPaymentActivity), () => h.Cancel.SetResult(new CancelOrderSignal("customer request")));

        var result = await h.RunAsync(V1());

        result.Status.Should().Be(OrderStatus.Cancelled);
        h.Calls.Should().EndWith([
            nameof(ProcessPaymentActivity), "Record:Paid", nameof(RefundPaymentActivity), nameof(ReleaseStockActivity), "Record:Cancelled"]);
    }

    [Theory]
    [InlineData(null, "shipment rejected: no reason given")]
    [InlineData("destination not served", "shipment rejected: destination not served")]
    public async Task An_old_instance_whose_shipment_is_rejected_refunds_releases_and_fails_naming_the_reason(string? reason, string failure)
    {
        h.Answer<ShipmentResult>(nameof(ShipOrderActivity), _ => new ShipmentResult("ord-1", ShipmentStatus.Rejected, null, reason));

        var result = await h.RunAsync(V1());

        result.Should().Be(new OrderWorkflowResult(OrderStatus.Failed, failure));
        h.Calls.Should().EndWith([nameof(ShipOrderActivity), nameof(RefundPaymentActivity), nameof(ReleaseStockActivity), "Record:Failed"]);
    }

    [Fact]
    public async Task An_old_instance_notes_a_stock_commit_that_was_not_accepted_and_completes()
    {
        h.Answer<ReservationResult>(nameof(CommitStockActivity), _ => new ReservationResult("ord-1", ReservationStatus.NotFound, []));

        var result = await h.RunAsync(V1());

        result.Status.Should().Be(OrderStatus.Completed);
        h.Updates.Skip(3).Select(u => (u.Status, u.Detail)).Should().Equal(
            (OrderStatus.Shipped, "shipped"),
            (OrderStatus.Shipped, "stock commit after shipping answered notfound (the reservation was not committed)"),
            (OrderStatus.Completed, "order completed; customer notified"));
    }

    public static TheoryData<string, string> V1Steps => new()
    {
        { nameof(CheckStockActivity), "check-stock" },
        { nameof(ReserveStockActivity), "stock reservation" },
        { nameof(ProcessPaymentActivity), "payment" },
        { nameof(ShipOrderActivity), "shipping" },
        { nameof(CommitStockActivity), "stock commit" },
    };

    [Theory]
    [MemberData(nameof(V1Steps))]
    public async Task A_step_of_an_old_instance_that_keeps_failing_holds_the_order_naming_the_step_and_is_retried_on_resume(string activity, string step)
    {
        FailOnce(activity);
        h.ResumeHolds();

        var result = await h.RunAsync(V1());

        result.Status.Should().Be(OrderStatus.Completed);
        h.Calls.Should().ContainInConsecutiveOrder(activity, "Record:OnHold", "WaitForResume");
        h.Update(OrderStatus.OnHold).Detail.Should().Be(
            $"on hold: {step} kept failing for 00:10:00 (503 from the sidecar); resume with POST /api/orders/ord-1/resume");
        h.Updates.Should().Contain(u => u.Detail == $"resumed by an operator: retrying {step}");
    }

    [Fact]
    public async Task A_status_recording_of_an_old_instance_that_keeps_failing_holds_the_order_naming_it()
    {
        var failures = 0;
        h.Answer<OrderStatus>(nameof(RecordOrderStatusActivity), i => ((OrderStatusUpdate)i).Status == OrderStatus.Reserved && failures++ == 0
            ? throw new WorkflowTaskFailedException("x", new WorkflowTaskFailureDetails("E", "state store down", null))
            : ((OrderStatusUpdate)i).Status);
        h.ResumeHolds();

        (await h.RunAsync(V1())).Status.Should().Be(OrderStatus.Completed);

        h.Update(OrderStatus.OnHold).Detail.Should().StartWith("on hold: status recording kept failing for 00:10:00 (state store down)");
    }

    [Theory]
    [InlineData(nameof(ReserveStockActivity), new[] { nameof(ReleaseStockActivity) })]
    [InlineData(nameof(ProcessPaymentActivity), new[] { nameof(RefundPaymentActivity), nameof(ReleaseStockActivity) })]
    public async Task A_cancel_while_an_old_instance_is_on_hold_compensates_what_the_failed_step_may_have_done(string activity, string[] compensations)
    {
        // A fault's outcome is unknown: the reservation or charge may have happened, so it is undone.
        FailOnce(activity, times: int.MaxValue);
        h.After(activity, () => h.Cancel.TrySetResult(new CancelOrderSignal("customer gave up")));

        var result = await h.RunAsync(V1());

        result.Should().Be(new OrderWorkflowResult(OrderStatus.Cancelled, "customer gave up"));
        h.Calls.Should().EndWith([activity, "Record:OnHold", "WaitForResume", .. compensations, "Record:Cancelled"]);
    }

    [Fact]
    public async Task A_cancel_while_an_old_instance_is_on_hold_at_shipping_is_ignored()
    {
        FailOnce(nameof(ShipOrderActivity));
        h.After(nameof(ShipOrderActivity), () => h.Cancel.TrySetResult(new CancelOrderSignal("too late")));

        var run = h.RunAsync(V1());
        h.ResumeHolds();
        var result = await run;

        result.Status.Should().Be(OrderStatus.Completed, "the cancel did not end the hold: the resume did");
        h.Calls.Should().NotContain([nameof(RefundPaymentActivity), nameof(ReleaseStockActivity), "Record:Cancelled"]);
    }

    private static OrderWorkflowInput V1(decimal total = 60m) => TestOrders.WorkflowInput(total) with { RecordsInSteps = false };

    private void FailOnce(string activity, int times = 1)
    {
        switch (activity)
        {
            case nameof(CheckStockActivity): h.Fail<CheckStockResponse>(activity, "503 from the sidecar", times); break;
            case nameof(ProcessPaymentActivity): h.Fail<PaymentResult>(activity, "503 from the sidecar", times); break;
            case nameof(ShipOrderActivity): h.Fail<ShipmentResult>(activity, "503 from the sidecar", times); break;
            default: h.Fail<ReservationResult>(activity, "503 from the sidecar", times); break;
        }
    }
}
