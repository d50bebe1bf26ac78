using OrderPlatform.Contracts.Inventory;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.Contracts.Payments;
using OrderPlatform.Contracts.Shipping;
using OrderPlatform.OrderService.Workflow;
using OrderPlatform.OrderService.Workflow.Activities;
using OrderPlatform.OrderService.Tests.Support;

namespace OrderPlatform.OrderService.Tests.Workflow;

/// <summary>Compensation always completes: refund and release are retried until they succeed, each attempt recorded.</summary>
public sealed class CompensationFailureTests
{
    private static readonly RetrySettings Compensation = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(2));

    private readonly WorkflowHarness h = new();

    [Fact]
    public async Task A_failing_refund_is_retried_with_a_capped_backoff_and_each_attempt_is_recorded_until_it_succeeds()
    {
        Decline();
        h.Fail<RefundResult>(nameof(RefundPaymentActivity), "circuit breaker is open", times: 4);

        var result = await RunAsync();

        result.Should().Be(new OrderWorkflowResult(OrderStatus.Failed, "shipment rejected: unserviceable"));
        h.Calls.Count(c => c == nameof(RefundPaymentActivity)).Should().Be(5);
        h.Backoffs.Should().Equal(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5));
        h.Updates.Where(u => u.Detail!.StartsWith("refund attempt", StringComparison.Ordinal)).Select(u => u.Detail).Should().Equal(
            "refund attempt 1 failed: circuit breaker is open; next attempt in 00:00:01",
            "refund attempt 2 failed: circuit breaker is open; next attempt in 00:00:02",
            "refund attempt 3 failed: circuit breaker is open; next attempt in 00:00:04",
            "refund attempt 4 failed: circuit breaker is open; next attempt in 00:00:05");
        h.Calls.Should().EndWith([nameof(RefundPaymentActivity), nameof(ReleaseStockActivity), "Record:Failed"]);
        h.Update(OrderStatus.Failed).Detail.Should().Be("shipment rejected: unserviceable", "compensation finished: nothing for an operator");
        h.Calls.Should().NotContain("Record:OnHold");
    }

    [Fact]
    public async Task A_release_failing_past_the_window_holds_the_order_as_compensation_pending_and_finishes_once_resumed()
    {
        h.Answer<PaymentResult>(nameof(ProcessPaymentStepActivity), _ => new PaymentResult("ord-1", "pay-1", PaymentStatus.Declined, 60m, "insufficient funds", WorkflowHarness.Now));
        var failing = true;
        h.Answer<ReservationResult>(nameof(ReleaseStockActivity), _ => failing
            ? throw new Dapr.Workflow.WorkflowTaskFailedException("x", new Dapr.Workflow.WorkflowTaskFailureDetails("E", "inventory-service down", null))
            : new ReservationResult("ord-1", ReservationStatus.Released, []));

        var run = RunAsync();
        await Task.Delay(50);

        run.IsCompleted.Should().BeFalse("the order waits for an operator once the window has passed");
        h.Calls.Should().EndWith([nameof(ReleaseStockActivity), "Record:OnHold", "WaitForResume"]);
        h.Update(OrderStatus.OnHold).Detail.Should().StartWith("on hold: compensation pending: stock release kept failing for 00:02:00 (inventory-service down)");
        h.Backoffs.Sum(b => b.TotalSeconds).Should().BeGreaterThanOrEqualTo(120, "attempts went on for the whole window");
        h.Calls.Should().NotContain("Record:Failed");

        failing = false;
        h.ResumeHolds();
        var result = await run;

        result.Status.Should().Be(OrderStatus.Failed);
        h.Calls.Should().EndWith(["WaitForResume", "Record:Reserved", nameof(ReleaseStockActivity), "Record:Failed"]);
    }

    [Fact]
    public async Task Compensations_that_succeed_leave_the_reason_as_it_was()
    {
        Decline();

        await RunAsync();

        h.Update(OrderStatus.Failed).Detail.Should().Be("shipment rejected: unserviceable");
        h.Backoffs.Should().BeEmpty();
    }

    private void Decline() =>
        h.Answer<ShipmentResult>(nameof(ShipOrderStepActivity), i => new ShipmentResult(((ShipOrderStep)i).Request.OrderId, ShipmentStatus.Rejected, null, "unserviceable"));

    private Task<OrderWorkflowResult> RunAsync() => h.RunAsync(TestOrders.WorkflowInput() with { CompensationRetry = Compensation });
}
