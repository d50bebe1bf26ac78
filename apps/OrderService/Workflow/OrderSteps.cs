using Dapr.Workflow;
using OrderPlatform.Contracts.Events;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.Contracts.Payments;
using OrderPlatform.Contracts.Shipping;
using OrderPlatform.OrderService.Workflow.Activities;

namespace OrderPlatform.OrderService.Workflow;

/// <summary>
/// The workflow's activity calls plus what would need compensating. A reserve or charge whose outcome is unknown (the
/// activity failed) counts as done: release and refund are idempotent downstream, so compensating is always safe.
/// </summary>
internal sealed class OrderSteps(WorkflowContext context, OrderWorkflowInput input)
{
    /// <summary>Status updates touch only the state store and pub/sub: retried by the workflow engine, not inline.</summary>
    private static readonly WorkflowTaskOptions RecordOptions =
        new(new WorkflowRetryPolicy(maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2));

    /// <summary>Compensations are retried a few times by the engine before they are reported as incomplete.</summary>
    private static readonly WorkflowTaskOptions CompensationOptions =
        new(new WorkflowRetryPolicy(maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2));

    public bool MustRelease { get; private set; }
    public bool MustRefund { get; private set; }
    public bool Shipped { get; private set; }

    public Task<CheckStockResponse> CheckStockAsync() =>
        context.CallActivityAsync<CheckStockResponse>(nameof(CheckStockActivity), new CheckStockRequest(input.StockLines));

    public async Task<ReservationResult> ReserveAsync()
    {
        MustRelease = true;
        var result = await context.CallActivityAsync<ReservationResult>(
            nameof(ReserveStockActivity), new ReserveStockRequest(input.OrderId, input.OrderId, input.StockLines));
        MustRelease = result.Status == ReservationStatus.Reserved;
        return result;
    }

    public async Task<PaymentResult> ChargeAsync()
    {
        MustRefund = true;
        var result = await context.CallActivityAsync<PaymentResult>(
            nameof(ProcessPaymentActivity),
            new PaymentRequest(input.OrderId, input.CustomerId, input.Total, input.Currency, input.PaymentToken));
        MustRefund = result.Status == PaymentStatus.Charged;
        return result;
    }

    public async Task<ShipmentResult> ShipAsync()
    {
        var result = await context.CallActivityAsync<ShipmentResult>(
            nameof(ShipOrderActivity),
            new ShipmentRequest(input.OrderId, input.CustomerId, input.StockLines, input.ShippingAddress));
        Shipped = result.Status == ShipmentStatus.Shipped;
        return result;
    }

    public Task RecordAsync(OrderStatus status, string? detail, string? eventType = null, string? paymentId = null, string? trackingNumber = null, string? failureReason = null) =>
        context.CallActivityAsync<OrderStatus>(
            nameof(RecordOrderStatusActivity),
            new OrderStatusUpdate(input.OrderId, status, Now(), detail, eventType, paymentId, trackingNumber, failureReason),
            RecordOptions);

    /// <summary>Refund (when charged) then release (when reserved), then the order fails with <paramref name="reason"/>.</summary>
    public async Task<OrderWorkflowResult> FailAsync(string reason)
    {
        var detail = WithCompensationNote(reason, await CompensateAsync(reason));
        await RecordAsync(OrderStatus.Failed, detail, OrderEventTypes.Failed, failureReason: reason);
        return new OrderWorkflowResult(OrderStatus.Failed, reason);
    }

    public async Task<OrderWorkflowResult> CancelAsync(string reason)
    {
        var detail = WithCompensationNote(reason, await CompensateAsync(reason));
        await RecordAsync(OrderStatus.Cancelled, detail, OrderEventTypes.Cancelled);
        return new OrderWorkflowResult(OrderStatus.Cancelled, reason);
    }

    /// <summary>
    /// Refund, then release, each retried by the workflow engine. A compensation that still fails does not stop the
    /// other one nor the order's failure: it is reported so an operator can finish it (both calls are idempotent).
    /// </summary>
    private async Task<IReadOnlyList<string>> CompensateAsync(string reason)
    {
        var problems = new List<string>();
        if (MustRefund)
        {
            await TryCompensateAsync<RefundResult>(nameof(RefundPaymentActivity), new RefundRequest(input.OrderId, reason), "refund", problems);
            MustRefund = false;
        }

        if (MustRelease)
        {
            await TryCompensateAsync<ReservationResult>(nameof(ReleaseStockActivity), new ReleaseStockRequest(input.OrderId), "stock release", problems);
            MustRelease = false;
        }

        return problems;
    }

    private async Task TryCompensateAsync<T>(string activity, object request, string what, List<string> problems)
    {
        try
        {
            await context.CallActivityAsync<T>(activity, request, CompensationOptions);
        }
        catch (WorkflowTaskFailedException ex)
        {
            problems.Add($"{what} failed: {ex.FailureDetails.ErrorMessage}");
        }
    }

    private string WithCompensationNote(string reason, IReadOnlyList<string> problems) =>
        problems.Count == 0 ? reason : $"{reason}; compensation incomplete ({string.Join("; ", problems)}), needs an operator (POST /api/orders/{input.OrderId}/compensate)";

    private DateTimeOffset Now() => new(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));
}
