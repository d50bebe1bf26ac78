using OrderPlatform.Contracts.Events;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.Contracts.Payments;
using OrderPlatform.Contracts.Shipping;
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
    public async Task Happy_path_checks_reserves_charges_ships_and_completes_with_an_event_per_step()
    {
        var result = await h.RunAsync();

        result.Status.Should().Be(OrderStatus.Completed);
        h.Calls.Should().Equal(
            nameof(CheckStockActivity), nameof(ReserveStockActivity), "Record:Reserved",
            nameof(ProcessPaymentActivity), "Record:Paid", nameof(ShipOrderActivity), nameof(CommitStockActivity),
            "Record:Shipped", "Record:Completed");
        h.Update(OrderStatus.Paid).Should().Match<OrderPlatform.OrderService.Workflow.OrderStatusUpdate>(u => u.PaymentId == "pay-1" && u.EventType == OrderEventTypes.Paid);
        h.Update(OrderStatus.Shipped).Should().Match<OrderPlatform.OrderService.Workflow.OrderStatusUpdate>(u => u.TrackingNumber == "TRACK-1" && u.EventType == OrderEventTypes.Shipped);
        h.Update(OrderStatus.Completed).EventType.Should().Be(OrderEventTypes.Completed);
        h.Update(OrderStatus.Reserved).EventType.Should().BeNull();
        h.Updates.Should().OnlyContain(u => u.OrderId == "ord-1" && u.At == new DateTimeOffset(WorkflowHarness.Now));
    }

    [Fact]
    public async Task A_new_orders_workflow_publishes_order_created_first_as_a_durably_retried_status_recording()
    {
        (await h.RunAsync(TestOrders.WorkflowInput() with { PublishesCreated = true })).Status.Should().Be(OrderStatus.Completed);

        h.Calls.Should().StartWith(["Record:Pending", nameof(CheckStockActivity)]);
        h.Updates[0].Should().Match<OrderPlatform.OrderService.Workflow.OrderStatusUpdate>(u =>
            u.EventType == OrderEventTypes.Created && u.Detail == OrderPlatform.OrderService.Storage.StoredOrder.ReceivedDetail);
        h.RetryPolicyOf(nameof(RecordOrderStatusActivity)).Should().NotBeNull("a pub/sub outage is retried durably");
    }

    [Fact]
    public async Task Downstream_requests_are_keyed_by_order_id_and_carry_the_order()
    {
        await h.RunAsync();

        h.Inputs[nameof(ReserveStockActivity)].Should().BeEquivalentTo(new { ReservationId = "ord-1", OrderId = "ord-1" });
        ((ReserveStockRequest)h.Inputs[nameof(ReserveStockActivity)]).Items.Should().Equal(new StockLine("sku-1", 2), new StockLine("sku-2", 1));
        h.Inputs[nameof(ProcessPaymentActivity)].Should().Be(new PaymentRequest("ord-1", "cust-1", 60m, "USD", "tok_visa"));
        ((ShipmentRequest)h.Inputs[nameof(ShipOrderActivity)]).Address!.City.Should().Be("Springfield");
        h.Inputs[nameof(CommitStockActivity)].Should().Be(new CommitStockRequest("ord-1"));
    }

    [Fact]
    public async Task Stock_check_rejection_fails_the_order_without_compensation()
    {
        h.Answer<CheckStockResponse>(nameof(CheckStockActivity), _ => new CheckStockResponse(false, [new StockShortage("sku-1", 2, 0)]));

        var result = await h.RunAsync();

        result.Status.Should().Be(OrderStatus.Failed);
        h.Calls.Should().Equal(nameof(CheckStockActivity), "Record:Failed");
        var failed = h.Update(OrderStatus.Failed);
        failed.FailureReason.Should().Contain("insufficient stock").And.Contain("sku-1");
        failed.EventType.Should().Be(OrderEventTypes.Failed);
    }

    [Fact]
    public async Task Rejected_reservation_fails_the_order_without_release()
    {
        h.Answer<ReservationResult>(nameof(ReserveStockActivity), _ => new ReservationResult("ord-1", ReservationStatus.Rejected, [new StockShortage("sku-2", 1, 0)]));

        var result = await h.RunAsync();

        result.Status.Should().Be(OrderStatus.Failed);
        h.Calls.Should().Equal(nameof(CheckStockActivity), nameof(ReserveStockActivity), "Record:Failed");
        h.Update(OrderStatus.Failed).FailureReason.Should().Contain("rejected").And.Contain("sku-2");
    }

    [Fact]
    public async Task Payment_decline_releases_the_stock_and_fails_without_refund()
    {
        h.Answer<PaymentResult>(nameof(ProcessPaymentActivity), _ => new PaymentResult("ord-1", "pay-1", PaymentStatus.Declined, 60m, "insufficient funds", WorkflowHarness.Now));

        var result = await h.RunAsync();

        result.Should().Be(new OrderPlatform.OrderService.Workflow.OrderWorkflowResult(OrderStatus.Failed, "payment declined: insufficient funds"));
        h.Calls.Should().Equal(
            nameof(CheckStockActivity), nameof(ReserveStockActivity), "Record:Reserved", nameof(ProcessPaymentActivity),
            nameof(ReleaseStockActivity), "Record:Failed");
        h.Inputs[nameof(ReleaseStockActivity)].Should().Be(new ReleaseStockRequest("ord-1"));
    }

    [Fact]
    public async Task Shipping_rejection_refunds_then_releases_and_fails()
    {
        h.Answer<ShipmentResult>(nameof(ShipOrderActivity), _ => new ShipmentResult("ord-1", ShipmentStatus.Rejected, null, "destination not served"));

        var result = await h.RunAsync();

        result.Status.Should().Be(OrderStatus.Failed);
        h.Calls.Should().EndWith([nameof(ShipOrderActivity), nameof(RefundPaymentActivity), nameof(ReleaseStockActivity), "Record:Failed"]);
        h.Update(OrderStatus.Failed).FailureReason.Should().Be("shipment rejected: destination not served");
        h.Calls.Should().NotContain(nameof(CommitStockActivity), "nothing shipped, so the reservation is released, not committed");
        ((RefundRequest)h.Inputs[nameof(RefundPaymentActivity)]).OrderId.Should().Be("ord-1");
    }

    [Fact]
    public async Task A_stock_commit_that_keeps_failing_holds_the_order_after_shipping_and_completes_once_resumed()
    {
        h.Fail<ReservationResult>(nameof(CommitStockActivity), "inventory-service answered 503", times: 1);
        h.ResumeHolds();

        var result = await h.RunAsync();

        result.Status.Should().Be(OrderStatus.Completed);
        h.Calls.Should().EndWith([
            nameof(ShipOrderActivity), nameof(CommitStockActivity), "Record:OnHold", "WaitForResume", "Record:Paid",
            nameof(CommitStockActivity), "Record:Shipped", "Record:Completed"]);
        h.Calls.Should().NotContain([nameof(RefundPaymentActivity), nameof(ReleaseStockActivity), "Record:Failed"]);
        h.Update(OrderStatus.OnHold).Detail.Should().Contain("stock commit kept failing").And.Contain("inventory-service answered 503");
        h.Update(OrderStatus.Shipped).Detail.Should().Be("shipped", "the commit went through on resume: no note");
    }

    [Fact]
    public async Task A_stock_commit_that_is_not_committed_is_noted_and_the_order_still_completes()
    {
        h.Answer<ReservationResult>(nameof(CommitStockActivity), _ => new ReservationResult("ord-1", ReservationStatus.NotFound, []));

        var result = await h.RunAsync();

        result.Status.Should().Be(OrderStatus.Completed);
        h.Updates.Should().Contain(u => u.Status == OrderStatus.Shipped && u.Detail!.Contains("stock commit after shipping answered notfound"));
        h.Calls.Should().NotContain([nameof(RefundPaymentActivity), nameof(ReleaseStockActivity)]);
    }
}
