using OrderPlatform.Contracts.Orders;
using OrderPlatform.Contracts.Payments;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.Contracts.Shipping;
using OrderPlatform.OrderService.Workflow.Activities;

namespace OrderPlatform.OrderService.Tests.Workflow;

/// <summary>A compensation that still fails after the engine's retries never leaves the order half-done.</summary>
public sealed class CompensationFailureTests
{
    private readonly WorkflowHarness h = new();

    [Fact]
    public async Task A_failing_refund_still_releases_the_stock_and_fails_the_order_with_a_note_for_an_operator()
    {
        h.Fail<PaymentResult>(nameof(ProcessPaymentActivity), "payment-service answered 503");
        h.Fail<RefundResult>(nameof(RefundPaymentActivity), "circuit breaker is open");

        var result = await h.RunAsync();

        result.Status.Should().Be(OrderStatus.Failed);
        h.Calls.Should().EndWith([nameof(RefundPaymentActivity), nameof(ReleaseStockActivity), "Record:Failed"]);
        var failed = h.Update(OrderStatus.Failed);
        failed.FailureReason.Should().Be("payment-service answered 503");
        failed.Detail.Should().Contain("refund failed: circuit breaker is open").And.Contain("needs an operator (POST /api/orders/ord-1/compensate)");
    }

    [Fact]
    public async Task A_failing_release_is_reported_and_the_order_still_fails()
    {
        h.Answer<ShipmentResult>(nameof(ShipOrderActivity), i => new ShipmentResult(((ShipmentRequest)i).OrderId, ShipmentStatus.Rejected, null, "unserviceable"));
        h.Fail<ReservationResult>(nameof(ReleaseStockActivity), "inventory-service timed out");

        var result = await h.RunAsync();

        result.Status.Should().Be(OrderStatus.Failed);
        h.Calls.Should().EndWith([nameof(RefundPaymentActivity), nameof(ReleaseStockActivity), "Record:Failed"]);
        h.Update(OrderStatus.Failed).Detail.Should().Contain("stock release failed: inventory-service timed out");
    }

    [Fact]
    public async Task Compensations_that_succeed_leave_the_reason_as_it_was()
    {
        h.Fail<PaymentResult>(nameof(ProcessPaymentActivity), "payment-service answered 503");

        await h.RunAsync();

        h.Update(OrderStatus.Failed).Detail.Should().Be("payment-service answered 503");
    }
}
