using System.Diagnostics.Metrics;
using Dapr.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OrderPlatform.Contracts.Events;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService;
using OrderPlatform.OrderService.Events;
using OrderPlatform.OrderService.Orders;
using OrderPlatform.OrderService.Orders.Intake;
using OrderPlatform.OrderService.Orders.Reconciliation;
using OrderPlatform.OrderService.Storage;
using OrderPlatform.OrderService.Workflow;
using OrderPlatform.OrderService.Tests.Support;

namespace OrderPlatform.OrderService.Tests.Workflow;

/// <summary>
/// What a reconciliation pass does to each kind of order that is not moving, with two replicas running the pass at the
/// same moment over one <c>orders-store</c> (the dev sidecar's, as state.postgresql v1 answers): every action happens
/// once.
/// </summary>
public sealed class ReconcilerActionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = TestOrders.Now.AddDays(3);
    private readonly ServiceProvider metricsServices = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly Mock<IDaprWorkflowClient> workflows = new();
    private readonly FakeDownstream downstream = new();
    private readonly ReconciliationOptions settings = new()
    {
        ResumeOnHoldAfter = TimeSpan.FromMinutes(30),
        ReservationExpiry = TimeSpan.FromDays(2),
        StuckAfter = TimeSpan.FromHours(1),
    };

    private OrdersSidecar sidecar = null!;

    public async Task InitializeAsync() => sidecar = await OrdersSidecar.StartAsync();

    public async Task DisposeAsync()
    {
        await metricsServices.DisposeAsync();
        await sidecar.DisposeAsync();
    }

    [Fact]
    public async Task A_pending_order_saved_with_its_input_and_no_workflow_is_started_once()
    {
        await SaveAsync(Order("ord-stranded", OrderStatus.Pending, age: TimeSpan.FromMinutes(5)) with { WorkflowInput = TestOrders.WorkflowInput() with { OrderId = "ord-stranded" } });

        var reports = await TwoReplicasAsync();

        reports.Sum(r => r.Started).Should().Be(1);
        workflows.Verify(w => w.ScheduleNewWorkflowAsync(nameof(OrderWorkflow), "ord-stranded", It.IsAny<OrderWorkflowInput>()), Times.Once);
    }

    [Fact]
    public async Task An_order_on_hold_a_while_is_resumed_once_and_one_on_hold_past_its_expiry_is_cancelled_once_by_its_workflow()
    {
        await SaveAsync(Order("ord-held", OrderStatus.OnHold, age: TimeSpan.FromHours(1)) with { UpdatedAt = Now.AddMinutes(-31) });
        await SaveAsync(Order("ord-held-long", OrderStatus.OnHold, age: TimeSpan.FromDays(2)) with { UpdatedAt = Now.AddMinutes(-5) });
        WorkflowIs("ord-held", WorkflowRuntimeStatus.Running);
        WorkflowIs("ord-held-long", WorkflowRuntimeStatus.Running);

        var reports = await TwoReplicasAsync();

        (reports.Sum(r => r.Resumed), reports.Sum(r => r.Expired)).Should().Be((1, 1));
        workflows.Verify(w => w.RaiseEventAsync("ord-held", OrderWorkflowEvents.ResumeOrder, It.IsAny<ResumeOrderSignal>(), It.IsAny<CancellationToken>()), Times.Once);
        workflows.Verify(w => w.RaiseEventAsync("ord-held-long", OrderWorkflowEvents.CancelOrder,
            It.Is<CancelOrderSignal>(s => s.Reason == OrderReconciler.ExpiredReason), It.IsAny<CancellationToken>()), Times.Once);
        downstream.Calls.Should().BeEmpty("the workflow compensates a cancelled order itself");
    }

    [Fact]
    public async Task A_suspended_workflow_is_resumed_once()
    {
        await SaveAsync(Order("ord-suspended", OrderStatus.Paid, age: TimeSpan.FromMinutes(10)));
        WorkflowIs("ord-suspended", WorkflowRuntimeStatus.Suspended);

        (await TwoReplicasAsync()).Sum(r => r.Resumed).Should().Be(1);

        // The reason is kept in the workflow's history: it says who resumed it.
        workflows.Verify(w => w.ResumeWorkflowAsync("ord-suspended", "reconciler", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData(WorkflowRuntimeStatus.Failed)]
    [InlineData(WorkflowRuntimeStatus.Terminated)]
    [InlineData(null)]
    public async Task A_reserved_order_no_workflow_moves_is_refunded_released_and_failed_once_past_its_reservation_expiry(WorkflowRuntimeStatus? workflow)
    {
        await SaveAsync(Order("ord-dead", OrderStatus.Reserved, age: TimeSpan.FromDays(2)));
        if (workflow is { } status)
        {
            WorkflowIs("ord-dead", status);
        }

        using var ended = new MetricCollector<long>(metricsServices.GetRequiredService<IMeterFactory>(), ServiceDefaults.TelemetryExtensions.ActivitySourceName, OrderMetrics.Ended);

        var reports = await TwoReplicasAsync();

        reports.Sum(r => r.Failed).Should().Be(1, "the ETag'd status write lets one replica record the end");
        ended.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags.Should().BeEquivalentTo(
            new Dictionary<string, object?> { ["status"] = "failed", ["reason"] = "other" });
        var order = (await sidecar.State.GetAsync<StoredOrder>("ord-dead"))!;
        order.Status.Should().Be(OrderStatus.Failed);
        order.FailureReason.Should().Be(ExpiredOrderFailer.Reason);
        order.History.Should().ContainSingle(h => h.Status == OrderStatus.Failed)
            .Which.Detail.Should().EndWith("refund Refunded, stock release Released");
        downstream.Calls.Should().Contain(["/refund ord-dead", "/release ord-dead"]).And.OnlyContain(c => c.EndsWith(" ord-dead", StringComparison.Ordinal));
        sidecar.Hooks.Published.Select(p => p.Metadata["cloudevent.id"]).Distinct().Should().Equal(OrderEvent.EventId("ord-dead", OrderEventTypes.Failed));
    }

    [Fact]
    public async Task An_order_before_its_expiry_or_one_that_was_paid_is_left_for_an_operator()
    {
        await SaveAsync(Order("ord-young", OrderStatus.Reserved, age: TimeSpan.FromDays(1)));
        await SaveAsync(Order("ord-paid", OrderStatus.Paid, age: TimeSpan.FromDays(2)));
        WorkflowIs("ord-young", WorkflowRuntimeStatus.Failed);
        WorkflowIs("ord-paid", WorkflowRuntimeStatus.Failed);

        var reports = await TwoReplicasAsync();

        reports.Sum(r => r.Failed).Should().Be(0);
        reports[0].NeedAttention.Should().Be(2);
        downstream.Calls.Should().BeEmpty("a paid order may have shipped: it is never compensated blindly");
        (await sidecar.State.GetAsync<StoredOrder>("ord-paid"))!.Status.Should().Be(OrderStatus.Paid);
    }

    [Fact]
    public async Task A_reservation_found_committed_stops_the_failure()
    {
        await SaveAsync(Order("ord-gone", OrderStatus.Reserved, age: TimeSpan.FromDays(2)));
        WorkflowIs("ord-gone", WorkflowRuntimeStatus.Terminated);
        downstream.ReleaseAnswer = ReservationStatus.Committed;

        var report = await Replica().RunAsync(CancellationToken.None);

        report.Should().Be(new ReconciliationReport(Examined: 1, Started: 0, Resumed: 0, Expired: 0, NeedAttention: 1, Failed: 0));
        (await sidecar.State.GetAsync<StoredOrder>("ord-gone"))!.Status.Should().Be(OrderStatus.Reserved);
    }

    [Fact]
    public async Task An_order_another_replica_already_ended_is_compensated_but_not_failed_over_its_end_nor_counted()
    {
        var stale = Order("ord-ended", OrderStatus.Reserved, age: TimeSpan.FromDays(2));
        var cancelled = stale with { Status = OrderStatus.Cancelled, History = [.. stale.History, new OrderStatusChange(OrderStatus.Cancelled, Now, "cancelled")] };
        await SaveAsync(cancelled);
        using var ended = new MetricCollector<long>(metricsServices.GetRequiredService<IMeterFactory>(), ServiceDefaults.TelemetryExtensions.ActivitySourceName, OrderMetrics.Ended);

        var outcome = await Failer().FailAsync(stale, CancellationToken.None);

        outcome.Should().Be(ExpiryOutcome.AlreadyEnded);
        var stored = (await sidecar.State.GetAsync<StoredOrder>("ord-ended"))!;
        (stored.Status, stored.History.Count, stored.FailureReason).Should().Be((OrderStatus.Cancelled, cancelled.History.Count, null));
        ended.GetMeasurementSnapshot().Should().BeEmpty();
        downstream.Calls.Should().Equal("/refund ord-ended", "/release ord-ended");
    }

    [Fact]
    public void Only_orders_before_payment_are_failed_when_they_expire()
    {
        Enum.GetValues<OrderStatus>().Where(ExpiredOrderFailer.Applies).Should().Equal(
            OrderStatus.Pending, OrderStatus.AwaitingApproval, OrderStatus.Approved, OrderStatus.Reserved);
    }

    private async Task<ReconciliationReport[]> TwoReplicasAsync() =>
        await Task.WhenAll(Replica().RunAsync(CancellationToken.None), Replica().RunAsync(CancellationToken.None));

    private ExpiredOrderFailer Failer()
    {
        var clock = new FakeTimeProvider(Now);
        var metrics = new OrderMetrics(metricsServices.GetRequiredService<IMeterFactory>());
        var events = new OrderEventPublisher(sidecar.Client, Options.Create(new OrderServiceOptions()));
        return new ExpiredOrderFailer(
            new OrderRepository(sidecar.Store()), FakeDownstreamClients.Payments(downstream), FakeDownstreamClients.Inventory(downstream), events, metrics, clock);
    }

    private OrderReconciler Replica()
    {
        var clock = new FakeTimeProvider(Now);
        var orders = new OrderRepository(sidecar.Store());
        var metrics = new OrderMetrics(metricsServices.GetRequiredService<IMeterFactory>());
        var events = new OrderEventPublisher(sidecar.Client, Options.Create(new OrderServiceOptions()));
        var inputs = new OrderWorkflowInputs(Options.Create(new OrderServiceOptions()), Mock.Of<IOptionsMonitor<RetrySettingsOptions>>());
        var options = Options.Create(settings);
        return new OrderReconciler(
            new OpenOrders(orders, options), orders, workflows.Object, new OrderStarter(workflows.Object, events, inputs, clock, metrics),
            new ExpiredOrderFailer(orders, FakeDownstreamClients.Payments(downstream), FakeDownstreamClients.Inventory(downstream), events, metrics, clock),
            options, clock, NullLogger<OrderReconciler>.Instance);
    }

    private void WorkflowIs(string orderId, WorkflowRuntimeStatus status) =>
        workflows.Setup(w => w.GetWorkflowStateAsync(orderId, false, It.IsAny<CancellationToken>()))
            .ReturnsAsync(WorkflowStates.Create(orderId, status, Now.UtcDateTime, Now.UtcDateTime));

    private static StoredOrder Order(string orderId, OrderStatus status, TimeSpan age) =>
        TestOrders.Stored(orderId, status) with { CreatedAt = Now - age, UpdatedAt = Now - age };

    private Task SaveAsync(StoredOrder order) => sidecar.State.PutAsync(order.OrderId, order);
}
