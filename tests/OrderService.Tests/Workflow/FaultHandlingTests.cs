using Dapr.Workflow;
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
/// Faults (an activity that threw, after the engine's durable retries gave up) hold the order for an operator; they
/// never fail it and never compensate. Only business outcomes (declined, out of stock, unserviceable) compensate.
/// </summary>
public sealed class FaultHandlingTests
{
    private readonly WorkflowHarness h = new();

    public static TheoryData<string, string, string> ForwardSteps => new()
    {
        { nameof(ReserveStockStepActivity), "stock reservation", "Record:Pending" },
        { nameof(ProcessPaymentStepActivity), "payment", "Record:Reserved" },
        { nameof(ShipOrderStepActivity), "shipping", "Record:Paid" },
    };

    [Theory]
    [MemberData(nameof(ForwardSteps))]
    public async Task A_step_that_keeps_failing_holds_the_order_then_is_retried_on_resume_and_nothing_is_compensated(
        string activity, string step, string resumedAs)
    {
        FailOnce(activity, "503 from the sidecar");
        h.ResumeHolds();

        var result = await h.RunAsync();

        result.Status.Should().Be(OrderStatus.Completed);
        h.Calls.Should().ContainInConsecutiveOrder(activity, "Record:OnHold", "WaitForResume", resumedAs, activity);
        h.Calls.Should().NotContain([nameof(RefundPaymentActivity), nameof(ReleaseStockActivity), "Record:Failed"]);
        var hold = h.Update(OrderStatus.OnHold);
        hold.Detail.Should().Be(
            $"on hold: {step} kept failing for 00:10:00 (503 from the sidecar); resume with POST /api/orders/ord-1/resume");
        hold.EventType.Should().BeNull();
        h.Updates.Should().Contain(u => u.Detail == $"resumed by an operator: retrying {step}");
    }

    [Fact]
    public async Task A_stock_check_before_an_approval_that_keeps_failing_holds_the_order_then_is_retried_on_resume()
    {
        FailOnce(nameof(CheckStockStepActivity), "503 from the sidecar");
        h.ResumeHolds();
        h.Approval.SetResult(new ApprovalDecision(true, "alice", null));

        var result = await h.RunAsync(TestOrders.WorkflowInput(total: 1500m));

        result.Status.Should().Be(OrderStatus.Completed);
        h.Calls.Should().StartWith([nameof(CheckStockStepActivity), "Record:OnHold", "WaitForResume", "Record:Pending", nameof(CheckStockStepActivity)]);
        h.Update(OrderStatus.OnHold).Detail.Should().StartWith("on hold: check-stock kept failing");
    }

    [Fact]
    public async Task An_order_on_hold_waits_for_the_operator()
    {
        h.Fail<PaymentResult>(nameof(ProcessPaymentStepActivity), "circuit breaker is open");

        var run = h.RunAsync();
        await Task.Delay(50);

        run.IsCompleted.Should().BeFalse("nothing but a resume (or a cancel) ends a hold");
        h.Calls.Should().EndWith([nameof(ProcessPaymentStepActivity), "Record:OnHold", "WaitForResume"]);
    }

    [Fact]
    public async Task A_status_recording_fault_after_the_charge_holds_the_order_and_never_refunds_it()
    {
        // The charge step records Paid itself: its store failing after the charge fails the whole step, which is retried
        // (payment-service returns the first charge) and then held; a fault never compensates.
        h.Fail<PaymentResult>(nameof(ProcessPaymentStepActivity), "state store down", times: 1);
        h.ResumeHolds();

        var result = await h.RunAsync();

        result.Status.Should().Be(OrderStatus.Completed);
        h.Calls.Should().ContainInConsecutiveOrder(
            nameof(ProcessPaymentStepActivity), "Record:OnHold", "WaitForResume", "Record:Reserved", nameof(ProcessPaymentStepActivity), nameof(ShipOrderStepActivity));
        h.Calls.Should().NotContain(nameof(RefundPaymentActivity));
    }

    [Fact]
    public async Task A_separate_status_recording_is_retried_durably_and_a_fault_there_holds_the_order()
    {
        h.Answer<PaymentResult>(nameof(ProcessPaymentStepActivity), _ => new PaymentResult("ord-1", "", PaymentStatus.Declined, 60m, "card expired", WorkflowHarness.Now));
        var failures = 0;
        h.Answer<OrderStatus>(nameof(RecordOrderStatusActivity), i => ((OrderStatusUpdate)i).Status == OrderStatus.Failed && failures++ == 0
            ? throw new WorkflowTaskFailedException("x", new WorkflowTaskFailureDetails("E", "state store down", null))
            : ((OrderStatusUpdate)i).Status);
        h.ResumeHolds();

        var result = await h.RunAsync();

        result.Status.Should().Be(OrderStatus.Failed);
        h.Calls.Should().EndWith([nameof(ReleaseStockActivity), "Record:Failed", "Record:OnHold", "WaitForResume", "Record:Reserved", "Record:Failed"]);
        h.RetryPolicyOf(nameof(RecordOrderStatusActivity)).Should().NotBeNull();
    }

    [Fact]
    public async Task A_hold_the_store_cannot_record_still_waits_for_the_operator()
    {
        h.Fail<ReservationResult>(nameof(ReserveStockStepActivity), "state store down");
        h.Answer<OrderStatus>(nameof(RecordOrderStatusActivity), i => ((OrderStatusUpdate)i).Status is OrderStatus.OnHold
            ? throw new WorkflowTaskFailedException("x", new WorkflowTaskFailureDetails("E", "state store down", null))
            : ((OrderStatusUpdate)i).Status);

        var run = h.RunAsync();
        await Task.Delay(50);

        run.IsCompleted.Should().BeFalse();
        h.Calls.Should().EndWith([nameof(ReserveStockStepActivity), "Record:OnHold", "WaitForResume"]);
        h.Calls.Should().NotContain(nameof(ReleaseStockActivity));
    }

    [Fact]
    public async Task A_shipment_whose_outcome_is_unknown_is_looked_up_by_shipping_again_never_compensated()
    {
        FailOnce(nameof(ShipOrderStepActivity), "reply lost after shipping-service stored the shipment");
        h.ResumeHolds();

        var result = await h.RunAsync();

        result.Status.Should().Be(OrderStatus.Completed);
        h.Calls.Count(c => c == nameof(ShipOrderStepActivity)).Should().Be(2, "ship is idempotent by order id: the retry returns the stored shipment");
        h.Calls.Should().EndWith([nameof(ShipOrderStepActivity), nameof(CommitStockStepActivity)]);
        h.Calls.Should().NotContain([nameof(RefundPaymentActivity), nameof(ReleaseStockActivity)]);
    }

    [Fact]
    public async Task A_cancel_while_on_hold_before_shipping_compensates_and_cancels()
    {
        h.Fail<PaymentResult>(nameof(ProcessPaymentStepActivity), "payment-service answered 503");
        h.After(nameof(ProcessPaymentStepActivity), () => h.Cancel.TrySetResult(new CancelOrderSignal("customer gave up")));

        var result = await h.RunAsync();

        result.Should().Be(new OrderWorkflowResult(OrderStatus.Cancelled, "customer gave up"));
        h.Calls.Should().EndWith([
            nameof(ProcessPaymentStepActivity), "Record:OnHold", "WaitForResume",
            nameof(RefundPaymentActivity), nameof(ReleaseStockActivity), "Record:Cancelled"]);
    }

    [Fact]
    public async Task A_cancel_while_on_hold_at_shipping_is_ignored_and_the_order_completes_on_resume()
    {
        FailOnce(nameof(ShipOrderStepActivity), "shipping-service timed out");
        h.After(nameof(ShipOrderStepActivity), () => h.Cancel.TrySetResult(new CancelOrderSignal("too late")));

        var run = h.RunAsync();
        await Task.Delay(50);
        run.IsCompleted.Should().BeFalse("a cancel does not end a hold once shipping was attempted");
        h.ResumeHolds();
        var result = await run;

        result.Status.Should().Be(OrderStatus.Completed);
        h.Calls.Should().NotContain([nameof(RefundPaymentActivity), nameof(ReleaseStockActivity), "Record:Cancelled"]);
        ((CommitStockStep)h.Inputs[nameof(CommitStockStepActivity)]).CancelIgnored.Should().BeTrue("the commit step notes the ignored cancel");
    }

    [Fact]
    public async Task Every_forward_step_is_retried_durably_for_the_inputs_window()
    {
        var retry = new RetrySettings(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(20), TimeSpan.FromMinutes(3));

        h.Approval.SetResult(new ApprovalDecision(true, "alice", null));

        await h.RunAsync(TestOrders.WorkflowInput(total: 1500m) with { FaultRetry = retry });

        foreach (var activity in new[] { nameof(CheckStockStepActivity), nameof(ReserveStockStepActivity), nameof(ProcessPaymentStepActivity),
            nameof(ShipOrderStepActivity), nameof(CommitStockStepActivity) })
        {
            var policy = h.RetryPolicyOf(activity);
            policy.Should().NotBeNull(activity);
            policy!.RetryTimeout.Should().Be(TimeSpan.FromMinutes(3), activity);
            policy.MaxRetryInterval.Should().Be(TimeSpan.FromSeconds(20), activity);
            policy.FirstRetryInterval.Should().Be(TimeSpan.FromSeconds(2), activity);
            policy.MaxNumberOfAttempts.Should().Be(int.MaxValue, $"{activity}: the window, not a count, ends the retries");
        }
    }

    [Fact]
    public async Task Without_settings_in_the_input_the_window_outlasts_the_payment_circuit_breaker()
    {
        await h.RunAsync(TestOrders.WorkflowInput() with { FaultRetry = null });

        // components/resiliency.yaml: paymentCircuitBreaker timeout 30s (open state).
        h.RetryPolicyOf(nameof(ProcessPaymentStepActivity))!.RetryTimeout.Should().BeGreaterThan(TimeSpan.FromSeconds(30));
    }

    private void FailOnce(string activity, string message)
    {
        switch (activity)
        {
            case nameof(CheckStockStepActivity): h.Fail<CheckStockResponse>(activity, message, times: 1); break;
            case nameof(ReserveStockStepActivity): h.Fail<ReservationResult>(activity, message, times: 1); break;
            case nameof(ProcessPaymentStepActivity): h.Fail<PaymentResult>(activity, message, times: 1); break;
            default: h.Fail<ShipmentResult>(activity, message, times: 1); break;
        }
    }
}
