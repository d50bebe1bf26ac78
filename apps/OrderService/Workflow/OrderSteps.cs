using Dapr.Workflow;
using OrderPlatform.Contracts.Events;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.Contracts.Payments;
using OrderPlatform.Contracts.Shipping;
using OrderPlatform.OrderService.Storage;
using OrderPlatform.OrderService.Workflow.Activities;

namespace OrderPlatform.OrderService.Workflow;

/// <summary>
/// The workflow's activity calls plus what would need compensating. Activities return business outcomes (declined,
/// out of stock, unserviceable) as values and throw only on faults; a fault is never compensated. Forward steps are
/// retried with the input's durable backoff (<see cref="OrderWorkflowInput.FaultRetry"/>); past its window the order
/// goes <see cref="OrderStatus.OnHold"/> until an operator's <see cref="OrderWorkflowEvents.ResumeOrder"/> retries the
/// step. Refund and release are retried until they succeed (<see cref="OrderWorkflowInput.CompensationRetry"/>, each
/// attempt in the history), then on hold as "compensation pending". A reserve or charge whose outcome is unknown
/// counts as done: release and refund are idempotent downstream, so compensating is always safe.
/// </summary>
internal sealed class OrderSteps(WorkflowContext context, OrderWorkflowInput input, Task<CancelOrderSignal>? cancel = null)
{
    private readonly RetrySettings fault = input.FaultRetry ?? RetrySettings.DefaultFault;
    private readonly RetrySettings compensation = input.CompensationRetry ?? RetrySettings.DefaultCompensation;

    /// <summary>Once the order fails or is cancelled, a cancel seen while on hold changes nothing.</summary>
    private bool finishing;

    /// <summary>A step that publishes <c>order_created</c> has answered (or the order's workflow does not publish it).</summary>
    private bool createdPublished;

    public bool MustRelease { get; private set; }
    public bool MustRefund { get; private set; }

    /// <summary>Shipping was called: its outcome may be a stored shipment, so nothing is compensated from here on.</summary>
    public bool ShipAttempted { get; private set; }

    /// <summary>The last status the workflow recorded (not counting <see cref="OrderStatus.OnHold"/>).</summary>
    public OrderStatus Status { get; private set; } = OrderStatus.Pending;

    /// <summary>
    /// The engine retries a faulted activity with durable timers (Dapr.Workflow's RetryInterceptor) until
    /// <see cref="RetrySettings.Window"/> has passed since the first failure; the attempt count is not the limit.
    /// </summary>
    private WorkflowTaskOptions FaultOptions =>
        new(new WorkflowRetryPolicy(int.MaxValue, fault.FirstInterval, backoffCoefficient: 2, fault.MaxInterval, fault.Window));

    /// <summary>check-stock before an approval; records <paramref name="whenAvailable"/> when the stock is there.</summary>
    public async Task<CheckStockResponse> CheckStockAsync(OrderStatusUpdate? whenAvailable)
    {
        var recording = FirstStepRecording();
        var result = await RunAsync("check-stock", o => context.CallActivityAsync<CheckStockResponse>(
            nameof(CheckStockStepActivity), new CheckStockStep(new CheckStockRequest(input.StockLines), recording, whenAvailable), o));
        createdPublished = true;
        if (result.Available && whenAvailable is not null)
        {
            Status = whenAvailable.Status;
        }

        return result;
    }

    /// <summary>Reserves the order's stock; the step records <see cref="OrderStatus.Reserved"/>.</summary>
    public async Task<ReservationResult> ReserveAsync()
    {
        MustRelease = true;
        var recording = FirstStepRecording();
        var result = await RunAsync("stock reservation", o => context.CallActivityAsync<ReservationResult>(
            nameof(ReserveStockStepActivity), new ReserveStockStep(ReserveRequest, recording), o));
        createdPublished = true;
        MustRelease = result.Status == ReservationStatus.Reserved;
        Status = MustRelease ? OrderStatus.Reserved : Status;
        return result;
    }

    /// <summary>Charges the order; the step records <see cref="OrderStatus.Paid"/> and publishes <c>order_paid</c>.</summary>
    public async Task<PaymentResult> ChargeAsync()
    {
        MustRefund = true;
        var result = await RunAsync("payment", o => context.CallActivityAsync<PaymentResult>(
            nameof(ProcessPaymentStepActivity), new ProcessPaymentStep(PaymentRequest, Recording()), o));
        MustRefund = result.Status == PaymentStatus.Charged;
        Status = MustRefund ? OrderStatus.Paid : Status;
        return result;
    }

    /// <summary>
    /// Ships the order; the step records <see cref="OrderStatus.Shipped"/> and publishes <c>order_shipped</c>. Shipping
    /// is idempotent by order id: a retry after an unknown outcome (reply lost, timeout) returns the stored shipment, so
    /// the outcome is looked up, never compensated.
    /// </summary>
    public async Task<ShipmentResult> ShipAsync()
    {
        ShipAttempted = true;
        var result = await RunAsync("shipping", o => context.CallActivityAsync<ShipmentResult>(
            nameof(ShipOrderStepActivity), new ShipOrderStep(ShipmentRequest, Recording()), o));
        Status = result.Status == ShipmentStatus.Shipped ? OrderStatus.Shipped : Status;
        return result;
    }

    /// <summary>
    /// Commits the reservation (idempotent downstream) and completes the order: the step records a note when the commit
    /// was not accepted, another when <paramref name="cancelIgnored"/>, then <see cref="OrderStatus.Completed"/>.
    /// </summary>
    public async Task CommitAndCompleteAsync(bool cancelIgnored)
    {
        await RunAsync("stock commit", o => context.CallActivityAsync<ReservationResult>(
            nameof(CommitStockStepActivity), new CommitStockStep(CommitRequest, Recording(), cancelIgnored), o));
        Status = OrderStatus.Completed;
    }

    // The steps of workflows started before the step activities recorded their own status (OrderWorkflowV1Steps): a
    // plain call per step, the status recorded by a separate activity. Their activity names and inputs must not change.
    public Task<CheckStockResponse> V1CheckStockAsync() =>
        RunAsync("check-stock", o => context.CallActivityAsync<CheckStockResponse>(nameof(CheckStockActivity), new CheckStockRequest(input.StockLines), o));

    public async Task<ReservationResult> V1ReserveAsync()
    {
        MustRelease = true;
        var result = await RunAsync("stock reservation", o => context.CallActivityAsync<ReservationResult>(nameof(ReserveStockActivity), ReserveRequest, o));
        MustRelease = result.Status == ReservationStatus.Reserved;
        return result;
    }

    public async Task<PaymentResult> V1ChargeAsync()
    {
        MustRefund = true;
        var result = await RunAsync("payment", o => context.CallActivityAsync<PaymentResult>(nameof(ProcessPaymentActivity), PaymentRequest, o));
        MustRefund = result.Status == PaymentStatus.Charged;
        return result;
    }

    public async Task<ShipmentResult> V1ShipAsync()
    {
        ShipAttempted = true;
        return await RunAsync("shipping", o => context.CallActivityAsync<ShipmentResult>(nameof(ShipOrderActivity), ShipmentRequest, o));
    }

    public Task<ReservationResult> V1CommitStockAsync() =>
        RunAsync("stock commit", o => context.CallActivityAsync<ReservationResult>(nameof(CommitStockActivity), new CommitStockRequest(input.OrderId), o));

    /// <summary>
    /// Waits for a person's decision (<see cref="ApprovalGate"/>): the order's result when a cancel, a rejection or the
    /// timeout ends it there, else null once <see cref="OrderStatus.Approved"/> is recorded. Both step lists run it: its
    /// calls are the ones each list made before it was shared, so replaying an instance's history is unchanged.
    /// </summary>
    public async Task<OrderWorkflowResult?> AwaitApprovalAsync(Task<CancelOrderSignal> cancelled)
    {
        var (outcome, decision) = await ApprovalGate.WaitAsync(context, input, cancelled);
        if (outcome == ApprovalOutcome.Approved)
        {
            await RecordAsync(OrderStatus.Approved, FailureReasons.Describe("approved", decision));
            return null;
        }

        return outcome == ApprovalOutcome.Cancelled
            ? await CancelAsync((await cancelled).Reason)
            : await FailAsync(FailureReasons.NotApproved(outcome, decision));
    }

    /// <summary>Records a status change (store + event); a bookkeeping fault holds the order, it never refunds it.</summary>
    public async Task RecordAsync(OrderStatus status, string? detail, string? eventType = null, string? paymentId = null, string? trackingNumber = null, string? failureReason = null)
    {
        await RunAsync("status recording", o => RecordOnceAsync(status, detail, eventType, paymentId, trackingNumber, failureReason, o));
        Status = status;
    }

    /// <summary>
    /// Refund (when charged) then release (when reserved), then the order fails with <paramref name="reason"/>. Every
    /// failure follows a step's answer, so <c>order_created</c> is already out.
    /// </summary>
    public async Task<OrderWorkflowResult> FailAsync(string reason)
    {
        await CompensateAsync(reason);
        await RecordAsync(OrderStatus.Failed, reason, OrderEventTypes.Failed, failureReason: reason);
        return new OrderWorkflowResult(OrderStatus.Failed, reason);
    }

    public async Task<OrderWorkflowResult> CancelAsync(string reason)
    {
        await CompensateAsync(reason);
        await EnsureCreatedPublishedAsync();
        await RecordAsync(OrderStatus.Cancelled, reason, OrderEventTypes.Cancelled);
        return new OrderWorkflowResult(OrderStatus.Cancelled, reason);
    }

    /// <summary>Refund, then release: each retried until it succeeds. Runs once: the order ends right after.</summary>
    private async Task CompensateAsync(string reason)
    {
        finishing = true;
        if (MustRefund)
        {
            await CompensateStepAsync<RefundResult>(nameof(RefundPaymentActivity), new RefundRequest(input.OrderId, reason), "refund");
        }

        if (MustRelease)
        {
            await CompensateStepAsync<ReservationResult>(nameof(ReleaseStockActivity), new ReleaseStockRequest(input.OrderId), "stock release");
        }
    }

    /// <summary>
    /// One attempt per durable timer, the delay doubling up to the cap, each failed attempt written to the history.
    /// Past the window the order goes on hold ("compensation pending"); a resume starts a new window.
    /// </summary>
    private async Task CompensateStepAsync<T>(string activity, object request, string what)
    {
        var started = context.CurrentUtcDateTime;
        var delay = compensation.FirstInterval;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await context.CallActivityAsync<T>(activity, request);
                return;
            }
            catch (WorkflowTaskFailedException ex)
            {
                var error = ex.FailureDetails.ErrorMessage;
                if (context.CurrentUtcDateTime - started >= compensation.Window)
                {
                    await HoldAsync($"compensation pending: {what}", error, compensation.Window);
                    (started, delay) = (context.CurrentUtcDateTime, compensation.FirstInterval);
                    continue;
                }

                await RecordAsync(Status, FailureReasons.CompensationAttemptFailed(what, attempt, error, delay));
                await context.CreateTimer(context.CurrentUtcDateTime.Add(delay), CancellationToken.None);
                delay = compensation.Next(delay);
            }
        }
    }

    /// <summary>Runs a forward step with the fault backoff; past its window, holds the order and retries once resumed.</summary>
    private async Task<T> RunAsync<T>(string step, Func<WorkflowTaskOptions, Task<T>> call)
    {
        while (true)
        {
            try
            {
                return await call(FaultOptions);
            }
            catch (WorkflowTaskFailedException ex)
            {
                await HoldAsync(step, ex.FailureDetails.ErrorMessage, fault.Window);
            }
        }
    }

    /// <summary>
    /// Records <see cref="OrderStatus.OnHold"/> (saying which step and why) and waits for an operator's resume. Before
    /// shipping was attempted a cancellation ends the hold too (<see cref="OrderCancelledOnHoldException"/>).
    /// </summary>
    private async Task HoldAsync(string step, string error, TimeSpan window)
    {
        try
        {
            await RecordOnceAsync(OrderStatus.OnHold, FailureReasons.OnHold(step, error, window, input.OrderId), null, null, null, null, FaultOptions);
        }
        catch (WorkflowTaskFailedException)
        {
            // The store is still failing: the order keeps its last recorded status and the attention list shows it as
            // stuck (its updatedAt stops moving); the workflow waits for the resume all the same.
        }

        var resume = context.WaitForExternalEventAsync<ResumeOrderSignal>(OrderWorkflowEvents.ResumeOrder, CancellationToken.None);
        if (cancel is not null && !ShipAttempted && !finishing && await Task.WhenAny(resume, cancel) == cancel)
        {
            throw new OrderCancelledOnHoldException((await cancel).Reason);
        }

        await resume;
        await RecordAsync(Status, FailureReasons.Resumed(step));
    }

    /// <summary>
    /// An order cancelled before its first step answered still gets <c>order_created</c> before its end, as a status
    /// recording that writes nothing (the first history entry already says it). The V1 step list published it first.
    /// </summary>
    private async Task EnsureCreatedPublishedAsync()
    {
        if (input.RecordsInSteps && input.PublishesCreated && !createdPublished)
        {
            await RecordAsync(OrderStatus.Pending, StoredOrder.ReceivedDetail, OrderEventTypes.Created);
        }
    }

    /// <summary>The first step publishes <c>order_created</c> (until one has answered: a step that faulted may not have).</summary>
    private StepRecording FirstStepRecording() => new(input.OrderId, Now(), input.PublishesCreated && !createdPublished);

    private StepRecording Recording() => new(input.OrderId, Now());

    /// <summary>The order's products ride along, so inventory-service reads their stock with the reservation in one call.</summary>
    private CommitStockRequest CommitRequest => new(input.OrderId, [.. input.StockLines.Select(l => l.ProductId).Distinct(StringComparer.Ordinal)]);

    private ReserveStockRequest ReserveRequest => new(input.OrderId, input.OrderId, input.StockLines);

    private PaymentRequest PaymentRequest => new(input.OrderId, input.CustomerId, input.Total, input.Currency, input.PaymentToken);

    private ShipmentRequest ShipmentRequest => new(input.OrderId, input.CustomerId, input.StockLines, input.ShippingAddress);

    private Task<OrderStatus> RecordOnceAsync(
        OrderStatus status, string? detail, string? eventType, string? paymentId, string? trackingNumber, string? failureReason, WorkflowTaskOptions options) =>
        context.CallActivityAsync<OrderStatus>(
            nameof(RecordOrderStatusActivity),
            new OrderStatusUpdate(input.OrderId, status, Now(), detail, eventType, paymentId, trackingNumber, failureReason),
            options);

    private DateTimeOffset Now() => new(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));
}
