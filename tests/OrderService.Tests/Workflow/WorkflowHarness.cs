using Microsoft.Extensions.Logging.Testing;
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
/// A mocked <see cref="WorkflowContext"/>: every activity answers a happy-path result unless told otherwise, and each
/// call is logged ("RecordOrderStatusActivity" as "Record:{status}", a backoff timer as "Timer", waiting for an
/// operator as "WaitForResume") so a test can assert the exact step sequence. A step activity records its own status
/// (its <see cref="StepRecording"/> is in <see cref="Inputs"/>); only separate recordings are in <see cref="Updates"/>. A failed activity stands for one whose
/// retry policy gave up (the engine's durable retries happen inside the real context's call). Timers up to an hour are
/// backoff timers: they fire at once and move the workflow clock; longer ones (the approval timeout) wait for
/// <see cref="Timer"/>.
/// </summary>
internal sealed class WorkflowHarness
{
    public static readonly DateTime Now = new(2026, 3, 14, 10, 0, 0, DateTimeKind.Utc);

    private readonly Dictionary<string, Func<object, object>> answers = [];
    private readonly Dictionary<string, Action> afterCall = [];
    private readonly Dictionary<string, WorkflowRetryPolicy?> retryPolicies = [];

    private DateTime clock = Now;

    public WorkflowHarness()
    {
        Context.SetupGet(c => c.CurrentUtcDateTime).Returns(() => clock);
        Context.Setup(c => c.CreateReplaySafeLogger<OrderWorkflow>()).Returns(Log);
        Context.Setup(c => c.WaitForExternalEventAsync<CancelOrderSignal>(OrderWorkflowEvents.CancelOrder, It.IsAny<CancellationToken>()))
            .Returns(Cancel.Task);
        Context.Setup(c => c.WaitForExternalEventAsync<ApprovalDecision>(OrderWorkflowEvents.ApprovalDecision, It.IsAny<CancellationToken>()))
            .Returns(Approval.Task);
        Context.Setup(c => c.WaitForExternalEventAsync<ResumeOrderSignal>(OrderWorkflowEvents.ResumeOrder, It.IsAny<CancellationToken>()))
            .Returns(() =>
            {
                Calls.Add("WaitForResume");
                return Resume.Task;
            });
        Context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Returns((DateTime fireAt, CancellationToken _) => CreateTimer(fireAt));

        Answer<CheckStockResponse>(nameof(CheckStockActivity), _ => new CheckStockResponse(true, []));
        Answer<ReservationResult>(nameof(ReserveStockActivity), i => new ReservationResult(((ReserveStockRequest)i).ReservationId, ReservationStatus.Reserved, []));
        Answer<ReservationResult>(nameof(ReleaseStockActivity), i => new ReservationResult(((ReleaseStockRequest)i).ReservationId, ReservationStatus.Released, []));
        Answer<ReservationResult>(nameof(CommitStockActivity), i => new ReservationResult(((CommitStockRequest)i).ReservationId, ReservationStatus.Committed, []));
        Answer<PaymentResult>(nameof(ProcessPaymentActivity), i => new PaymentResult(((PaymentRequest)i).OrderId, "pay-1", PaymentStatus.Charged, ((PaymentRequest)i).Amount, null, Now));
        Answer<RefundResult>(nameof(RefundPaymentActivity), i => new RefundResult(((RefundRequest)i).OrderId, RefundStatus.Refunded));
        Answer<ShipmentResult>(nameof(ShipOrderActivity), i => new ShipmentResult(((ShipmentRequest)i).OrderId, ShipmentStatus.Shipped, "TRACK-1", null));
        Answer<OrderStatus>(nameof(RecordOrderStatusActivity), i => ((OrderStatusUpdate)i).Status);

        // The step activities (each records its own status): the same answers from their requests.
        Answer<CheckStockResponse>(nameof(CheckStockStepActivity), _ => new CheckStockResponse(true, []));
        Answer<ReservationResult>(nameof(ReserveStockStepActivity), i => new ReservationResult(((ReserveStockStep)i).Request.ReservationId, ReservationStatus.Reserved, []));
        Answer<ReservationResult>(nameof(CommitStockStepActivity), i => new ReservationResult(((CommitStockStep)i).Request.ReservationId, ReservationStatus.Committed, []));
        Answer<PaymentResult>(nameof(ProcessPaymentStepActivity), i => new PaymentResult(((ProcessPaymentStep)i).Request.OrderId, "pay-1", PaymentStatus.Charged, ((ProcessPaymentStep)i).Request.Amount, null, Now));
        Answer<ShipmentResult>(nameof(ShipOrderStepActivity), i => new ShipmentResult(((ShipOrderStep)i).Request.OrderId, ShipmentStatus.Shipped, "TRACK-1", null));
    }

    public Mock<WorkflowContext> Context { get; } = new();

    /// <summary>What the workflow logged through its replay-safe logger.</summary>
    public FakeLogger<OrderWorkflow> Log { get; } = new();
    public TaskCompletionSource<CancelOrderSignal> Cancel { get; } = new();
    public TaskCompletionSource<ApprovalDecision> Approval { get; } = new();
    public TaskCompletionSource Timer { get; } = new();
    public TaskCompletionSource<ResumeOrderSignal> Resume { get; } = new();
    public List<TimeSpan> Backoffs { get; } = [];
    public DateTime? TimerFireAt { get; private set; }
    public List<string> Calls { get; } = [];
    public Dictionary<string, object> Inputs { get; } = [];
    public List<OrderStatusUpdate> Updates { get; } = [];

    /// <summary>What <paramref name="activity"/> returns (the function gets the activity input).</summary>
    public void Answer<T>(string activity, Func<object, T> result)
    {
        answers[activity] = i => result(i)!;
        Context.Setup(c => c.CallActivityAsync<T>(activity, It.IsAny<object>(), It.IsAny<WorkflowTaskOptions>()))
            .Returns((string name, object input, WorkflowTaskOptions? options) =>
            {
                retryPolicies[name] = options?.RetryPolicy;
                return Invoke<T>(name, input);
            });
    }

    /// <summary>
    /// <paramref name="activity"/> fails the way the runtime reports a failed activity (its retry policy gave up), the
    /// first <paramref name="times"/> calls; then it answers as before.
    /// </summary>
    public void Fail<T>(string activity, string message, int times = int.MaxValue)
    {
        var healthy = answers[activity];
        var failures = 0;
        Answer<T>(activity, i => failures++ < times
            ? throw new WorkflowTaskFailedException(
                $"Task '{activity}' failed", new WorkflowTaskFailureDetails("System.Net.Http.HttpRequestException", message, null))
            : (T)healthy(i));
    }

    /// <summary>The operator resumes every hold at once.</summary>
    public void ResumeHolds() => Resume.TrySetResult(new ResumeOrderSignal(new DateTimeOffset(Now)));

    /// <summary>The retry policy the workflow passed with its last call of <paramref name="activity"/>.</summary>
    public WorkflowRetryPolicy? RetryPolicyOf(string activity) => retryPolicies.GetValueOrDefault(activity);

    /// <summary>Runs <paramref name="action"/> right after <paramref name="activity"/> returns (e.g. a cancel arrives).</summary>
    public void After(string activity, Action action) => afterCall[activity] = action;

    public Task<OrderWorkflowResult> RunAsync(OrderWorkflowInput? input = null) =>
        new OrderWorkflow().RunAsync(Context.Object, input ?? TestOrders.WorkflowInput()).WaitAsync(TimeSpan.FromSeconds(30));

    public OrderStatusUpdate Update(OrderStatus status) => Updates.Single(u => u.Status == status);

    private Task CreateTimer(DateTime fireAt)
    {
        if (fireAt - clock > TimeSpan.FromHours(1))
        {
            TimerFireAt = fireAt;
            return Timer.Task;
        }

        Calls.Add("Timer");
        Backoffs.Add(fireAt - clock);
        clock = fireAt;
        return Task.CompletedTask;
    }

    private Task<T> Invoke<T>(string name, object input)
    {
        if (input is OrderStatusUpdate update)
        {
            Updates.Add(update);
            Calls.Add($"Record:{update.Status}");
        }
        else
        {
            Calls.Add(name);
            Inputs[name] = input;
        }

        try
        {
            return Task.FromResult((T)answers[name](input));
        }
        catch (WorkflowTaskFailedException ex)
        {
            return Task.FromException<T>(ex);
        }
        finally
        {
            if (afterCall.TryGetValue(name, out var action))
            {
                action();
            }
        }
    }
}
