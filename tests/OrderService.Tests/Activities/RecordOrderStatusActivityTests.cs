using System.Diagnostics.Metrics;
using Dapr.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Dapr.Workflow;
using Microsoft.Extensions.Options;
using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Events;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService;
using OrderPlatform.OrderService.Events;
using OrderPlatform.OrderService.Orders;
using OrderPlatform.OrderService.Storage;
using OrderPlatform.OrderService.Workflow;
using OrderPlatform.OrderService.Workflow.Activities;
using OrderPlatform.ServiceDefaults.State;
using OrderPlatform.OrderService.Tests.Support;

namespace OrderPlatform.OrderService.Tests.Activities;

/// <summary>The status-recording activity against <c>orders-store</c> and <c>order-pubsub</c> of the dev sidecar.</summary>
public sealed class RecordOrderStatusActivityTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = TestOrders.Now.AddMinutes(5);
    private readonly ServiceProvider metricsServices = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private OrdersSidecar sidecar = null!;
    private RecordOrderStatusActivity activity = null!;
    private MetricCollector<long> ended = null!;

    public async Task InitializeAsync()
    {
        sidecar = await OrdersSidecar.StartAsync();
        var options = Options.Create(new OrderServiceOptions { EventTtlSeconds = 120 });
        var meters = metricsServices.GetRequiredService<IMeterFactory>();
        ended = new MetricCollector<long>(meters, ServiceDefaults.TelemetryExtensions.ActivitySourceName, OrderMetrics.Ended);
        activity = new RecordOrderStatusActivity(new OrderStepRecorder(
            new OrderRepository(sidecar.Store()), new OrderEventPublisher(sidecar.Client, options), new OrderMetrics(meters)));
    }

    public async Task DisposeAsync()
    {
        ended.Dispose();
        await metricsServices.DisposeAsync();
        await sidecar.DisposeAsync();
    }

    [Fact]
    public async Task An_order_that_ends_is_counted_once_by_status_and_a_failure_by_its_reason_category()
    {
        await StoredAsync(TestOrders.Stored(status: OrderStatus.Paid));
        var failed = new OrderStatusUpdate("ord-1", OrderStatus.Failed, At, "payment declined: card declined", FailureReason: "payment declined: card declined");

        await activity.RunAsync(Mock.Of<WorkflowActivityContext>(), new OrderStatusUpdate("ord-1", OrderStatus.Shipped, At, "shipped"));
        await activity.RunAsync(Mock.Of<WorkflowActivityContext>(), failed);
        await activity.RunAsync(Mock.Of<WorkflowActivityContext>(), failed);

        var measurement = ended.GetMeasurementSnapshot().Should().ContainSingle("shipped does not end an order, and the replayed failure is recorded once").Subject;
        measurement.Value.Should().Be(1);
        measurement.Tags.Should().Contain(new KeyValuePair<string, object?>("status", "failed"))
            .And.Contain(new KeyValuePair<string, object?>("reason", "payment-declined"));
    }

    [Fact]
    public async Task The_recording_tags_its_span_with_the_order_id()
    {
        await StoredAsync(TestOrders.Stored(status: OrderStatus.Reserved));
        using var span = new OrderSpan();

        await activity.RunAsync(Mock.Of<WorkflowActivityContext>(), new OrderStatusUpdate("ord-1", OrderStatus.OnHold, At, "charge kept failing"));

        span.OrderId.Should().Be("ord-1");
    }

    [Fact]
    public async Task An_order_put_on_hold_is_counted_on_hold_not_as_ended()
    {
        using var held = new MetricCollector<long>(metricsServices.GetRequiredService<IMeterFactory>(), ServiceDefaults.TelemetryExtensions.ActivitySourceName, OrderMetrics.OnHold);
        await StoredAsync(TestOrders.Stored(status: OrderStatus.Reserved));

        await activity.RunAsync(Mock.Of<WorkflowActivityContext>(), new OrderStatusUpdate("ord-1", OrderStatus.OnHold, At, "charge kept failing"));

        held.GetMeasurementSnapshot().Select(m => m.Value).Should().Equal(1);
        ended.GetMeasurementSnapshot().Should().BeEmpty();
    }

    [Theory]
    [InlineData("insufficient stock: SKU-1 (requested 2, available 0)", "out-of-stock")]
    [InlineData("stock reservation rejected: SKU-1 (requested 2, available 1)", "out-of-stock")]
    [InlineData("payment declined: insufficient funds", "payment-declined")]
    [InlineData("shipment rejected: destination not serviceable", "unserviceable")]
    [InlineData("approval timed out", "not-approved")]
    [InlineData("approval rejected by ops: too big", "not-approved")]
    [InlineData("something new", "other")]
    [InlineData(null, "unknown")]
    public void Failure_reasons_fall_into_few_categories(string? reason, string category) =>
        OrderMetrics.ReasonCategory(reason).Should().Be(category);

    /// <summary>Stores the order and returns the ETag it was stored at.</summary>
    private async Task<string> StoredAsync(StoredOrder order)
    {
        await sidecar.State.PutAsync("ord-1", order);
        var (_, etag) = await sidecar.Client.GetStateAndETagAsync<StoredOrder>(Components.OrdersStore, "ord-1");
        sidecar.Hooks.ClearRecords();
        return etag;
    }

    private Task<StoredOrder?> CurrentAsync() => sidecar.State.GetAsync<StoredOrder>("ord-1");

    [Fact]
    public async Task Appends_history_and_saves_with_the_read_etag_strong_and_first_write()
    {
        var etag = await StoredAsync(TestOrders.Stored(status: OrderStatus.Reserved));

        var status = await activity.RunAsync(Mock.Of<WorkflowActivityContext>(), new OrderStatusUpdate("ord-1", OrderStatus.Paid, At, "charged", PaymentId: "pay-9"));

        status.Should().Be(OrderStatus.Paid);
        var save = sidecar.Hooks.Saves.Should().ContainSingle().Subject;
        save.ETag.Should().Be(etag);
        save.Consistency.Should().Be(ConsistencyMode.Strong);
        save.Concurrency.Should().Be(ConcurrencyMode.FirstWrite);
        var order = (await CurrentAsync())!;
        order.Status.Should().Be(OrderStatus.Paid);
        order.PaymentId.Should().Be("pay-9");
        order.UpdatedAt.Should().Be(At);
        order.History.Select(h => h.Status).Should().Equal(OrderStatus.Pending, OrderStatus.Reserved, OrderStatus.Paid);
    }

    [Fact]
    public async Task A_retried_update_adds_no_second_history_entry_but_still_publishes()
    {
        await StoredAsync(TestOrders.Stored(status: OrderStatus.Reserved).Apply(new OrderStatusUpdate("ord-1", OrderStatus.Paid, At, "charged"))!);

        await activity.RunAsync(Mock.Of<WorkflowActivityContext>(), new OrderStatusUpdate("ord-1", OrderStatus.Paid, At.AddSeconds(3), "charged", OrderEventTypes.Paid));

        sidecar.Hooks.Saves.Should().BeEmpty();
        sidecar.Hooks.Published.Should().ContainSingle().Which.DataAs<OrderEvent>().Type.Should().Be(OrderEventTypes.Paid);
    }

    [Fact]
    public async Task The_workflows_first_step_on_a_new_order_writes_nothing_and_publishes_order_created()
    {
        await StoredAsync(TestOrders.Stored());

        await activity.RunAsync(Mock.Of<WorkflowActivityContext>(), new OrderStatusUpdate("ord-1", OrderStatus.Pending, At, StoredOrder.ReceivedDetail, OrderEventTypes.Created));

        sidecar.Hooks.Saves.Should().BeEmpty();
        sidecar.Hooks.Published.Should().ContainSingle().Which.DataAs<OrderEvent>().Should().Match<OrderEvent>(e =>
            e.Type == OrderEventTypes.Created && e.OrderId == "ord-1" && e.Status == nameof(OrderStatus.Pending));
    }

    [Fact]
    public async Task An_etag_conflict_rereads_and_reapplies_the_change()
    {
        var first = await StoredAsync(TestOrders.Stored(status: OrderStatus.Reserved));
        var raced = false;
        string? racerEtag = null;
        sidecar.Hooks.Before("SaveState", async ct =>
        {
            if (!raced)
            {
                raced = true; // another writer changes the order between the activity's read and its save
                var current = (await CurrentAsync())!;
                await sidecar.State.PutAsync("ord-1", current with { TrackingNumber = "trk-racer" });
                (_, racerEtag) = await sidecar.Client.GetStateAndETagAsync<StoredOrder>(Components.OrdersStore, "ord-1", cancellationToken: ct);
            }
        });

        await activity.RunAsync(Mock.Of<WorkflowActivityContext>(), new OrderStatusUpdate("ord-1", OrderStatus.Paid, At, "charged"));

        sidecar.Hooks.Saves.Select(s => s.ETag).Should().Equal(first, racerEtag);
        var order = (await CurrentAsync())!;
        order.History.Should().HaveCount(3);
        order.Status.Should().Be(OrderStatus.Paid);
        order.TrackingNumber.Should().Be("trk-racer", "the change was applied again to the winner's version");
    }

    [Fact]
    public async Task Gives_up_after_repeated_etag_conflicts()
    {
        await StoredAsync(TestOrders.Stored());
        var attempts = 0;
        sidecar.Hooks.Before("SaveState", async ct =>
        {
            Interlocked.Increment(ref attempts);
            var current = (await CurrentAsync())!;
            await sidecar.State.PutAsync("ord-1", current with { UpdatedAt = current.UpdatedAt.AddSeconds(1) });
        });

        var act = () => activity.RunAsync(Mock.Of<WorkflowActivityContext>(), new OrderStatusUpdate("ord-1", OrderStatus.Paid, At, "charged"));

        await act.Should().ThrowAsync<StateConflictException>();
        attempts.Should().Be(5, "order-service's StateStore:ConflictAttempts");
        (await CurrentAsync())!.Status.Should().Be(OrderStatus.Pending);
    }

    [Fact]
    public async Task Publishes_the_event_with_ttl_and_cloudevent_type_and_deterministic_id()
    {
        await StoredAsync(TestOrders.Stored(status: OrderStatus.Shipped));

        await activity.RunAsync(Mock.Of<WorkflowActivityContext>(), new OrderStatusUpdate("ord-1", OrderStatus.Completed, At, "done", OrderEventTypes.Completed));

        var published = sidecar.Hooks.Published.Should().ContainSingle().Subject;
        (published.PubsubName, published.Topic).Should().Be((Components.PubSub, Topics.Orders));
        published.Metadata.Should().Equal(new Dictionary<string, string>
        {
            ["ttlInSeconds"] = "120",
            ["cloudevent.type"] = OrderEventTypes.Completed,
            ["cloudevent.id"] = "ord-1:order_completed",
        });
        published.DataAs<OrderEvent>().Should().BeEquivalentTo(new { OrderId = "ord-1", CustomerId = "cust-1", Type = OrderEventTypes.Completed, Total = 60m, Status = "Completed", OccurredAt = At, Detail = "done" });
    }

    [Fact]
    public async Task A_step_without_an_event_publishes_nothing()
    {
        await StoredAsync(TestOrders.Stored());

        await activity.RunAsync(Mock.Of<WorkflowActivityContext>(), new OrderStatusUpdate("ord-1", OrderStatus.Reserved, At, "stock reserved"));

        sidecar.Hooks.Saves.Should().ContainSingle();
        sidecar.Hooks.Published.Should().BeEmpty();
    }
}
