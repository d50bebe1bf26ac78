using Dapr.Client;
using Dapr.Workflow;
using Microsoft.Extensions.Options;
using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Events;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Events;
using OrderPlatform.OrderService.Orders;
using OrderPlatform.OrderService.Storage;
using OrderPlatform.OrderService.Workflow.Activities;
using OrderService.Tests.Support;

namespace OrderService.Tests.Activities;

public sealed class RecordOrderStatusActivityTests
{
    private static readonly DateTimeOffset At = TestOrders.Now.AddMinutes(5);
    private readonly Mock<DaprClient> dapr = new();
    private readonly List<(StoredOrder Order, string ETag, StateOptions Options)> saves = [];
    private readonly List<(OrderEvent Data, Dictionary<string, string> Metadata)> published = [];
    private readonly RecordOrderStatusActivity activity;

    public RecordOrderStatusActivityTests()
    {
        dapr.Setup(d => d.TrySaveStateAsync(Components.OrdersStore, "ord-1", It.IsAny<StoredOrder>(), It.IsAny<string>(), It.IsAny<StateOptions>(), It.IsAny<IReadOnlyDictionary<string, string>>(), It.IsAny<CancellationToken>()))
            .Callback((string _, string _, StoredOrder o, string etag, StateOptions options, IReadOnlyDictionary<string, string> _, CancellationToken _) => saves.Add((o, etag, options)))
            .ReturnsAsync(true);
        dapr.Setup(d => d.PublishEventAsync(Components.PubSub, Topics.Orders, It.IsAny<OrderEvent>(), It.IsAny<Dictionary<string, string>>(), It.IsAny<CancellationToken>()))
            .Callback((string _, string _, OrderEvent data, Dictionary<string, string> metadata, CancellationToken _) => published.Add((data, metadata)))
            .Returns(Task.CompletedTask);
        var options = Options.Create(new OrdersOptions { EventTtlSeconds = 120 });
        activity = new RecordOrderStatusActivity(new OrderRepository(dapr.Object), new OrderEventPublisher(dapr.Object, options));
    }

    private void Stored(StoredOrder order, params string[] etags)
    {
        var sequence = dapr.SetupSequence(d => d.GetStateAndETagAsync<StoredOrder?>(Components.OrdersStore, "ord-1", ConsistencyMode.Strong, It.IsAny<IReadOnlyDictionary<string, string>>(), It.IsAny<CancellationToken>()));
        foreach (var etag in etags)
        {
            sequence = sequence.ReturnsAsync((order, etag));
        }
    }

    [Fact]
    public async Task Appends_history_and_saves_with_the_read_etag_strong_and_first_write()
    {
        Stored(TestOrders.Stored(status: OrderStatus.Reserved), "etag-7");

        var status = await activity.RunAsync(Mock.Of<WorkflowActivityContext>(), new OrderStatusUpdate("ord-1", OrderStatus.Paid, At, "charged", PaymentId: "pay-9"));

        status.Should().Be(OrderStatus.Paid);
        var (order, etag, options) = saves.Should().ContainSingle().Subject;
        etag.Should().Be("etag-7");
        options.Consistency.Should().Be(ConsistencyMode.Strong);
        options.Concurrency.Should().Be(ConcurrencyMode.FirstWrite);
        order.Status.Should().Be(OrderStatus.Paid);
        order.PaymentId.Should().Be("pay-9");
        order.UpdatedAt.Should().Be(At);
        order.History.Select(h => h.Status).Should().Equal(OrderStatus.Pending, OrderStatus.Reserved, OrderStatus.Paid);
    }

    [Fact]
    public async Task A_retried_update_adds_no_second_history_entry_but_still_publishes()
    {
        var already = TestOrders.Stored(status: OrderStatus.Reserved).Apply(new OrderStatusUpdate("ord-1", OrderStatus.Paid, At, "charged"))!;
        Stored(already, "etag-8");

        await activity.RunAsync(Mock.Of<WorkflowActivityContext>(), new OrderStatusUpdate("ord-1", OrderStatus.Paid, At.AddSeconds(3), "charged", OrderEventTypes.Paid));

        saves.Should().BeEmpty();
        published.Should().ContainSingle().Which.Data.Type.Should().Be(OrderEventTypes.Paid);
    }

    [Fact]
    public async Task An_etag_conflict_rereads_and_reapplies_the_change()
    {
        Stored(TestOrders.Stored(status: OrderStatus.Reserved), "etag-1", "etag-2");
        dapr.SetupSequence(d => d.TrySaveStateAsync(Components.OrdersStore, "ord-1", It.IsAny<StoredOrder>(), It.IsAny<string>(), It.IsAny<StateOptions>(), It.IsAny<IReadOnlyDictionary<string, string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(false)
            .ReturnsAsync(true);

        await activity.RunAsync(Mock.Of<WorkflowActivityContext>(), new OrderStatusUpdate("ord-1", OrderStatus.Paid, At, "charged"));

        dapr.Verify(d => d.TrySaveStateAsync(Components.OrdersStore, "ord-1", It.IsAny<StoredOrder>(), "etag-1", It.IsAny<StateOptions>(), It.IsAny<IReadOnlyDictionary<string, string>>(), It.IsAny<CancellationToken>()), Times.Once);
        dapr.Verify(d => d.TrySaveStateAsync(Components.OrdersStore, "ord-1", It.Is<StoredOrder>(o => o.History.Count == 3), "etag-2", It.IsAny<StateOptions>(), It.IsAny<IReadOnlyDictionary<string, string>>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Gives_up_after_repeated_etag_conflicts()
    {
        Stored(TestOrders.Stored(), Enumerable.Repeat("etag", OrderRepository.MaxEtagAttempts).ToArray());
        dapr.Setup(d => d.TrySaveStateAsync(Components.OrdersStore, "ord-1", It.IsAny<StoredOrder>(), It.IsAny<string>(), It.IsAny<StateOptions>(), It.IsAny<IReadOnlyDictionary<string, string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(false);

        var act = () => activity.RunAsync(Mock.Of<WorkflowActivityContext>(), new OrderStatusUpdate("ord-1", OrderStatus.Paid, At, "charged"));

        await act.Should().ThrowAsync<InvalidOperationException>();
    }

    [Fact]
    public async Task Publishes_the_event_with_ttl_and_cloudevent_type_and_deterministic_id()
    {
        Stored(TestOrders.Stored(status: OrderStatus.Shipped), "etag-1");

        await activity.RunAsync(Mock.Of<WorkflowActivityContext>(), new OrderStatusUpdate("ord-1", OrderStatus.Completed, At, "done", OrderEventTypes.Completed));

        var (data, metadata) = published.Should().ContainSingle().Subject;
        metadata.Should().Equal(new Dictionary<string, string>
        {
            ["ttlInSeconds"] = "120",
            ["cloudevent.type"] = OrderEventTypes.Completed,
            ["cloudevent.id"] = "ord-1:order_completed",
        });
        data.Should().BeEquivalentTo(new { OrderId = "ord-1", CustomerId = "cust-1", Type = OrderEventTypes.Completed, Total = 60m, Status = "Completed", OccurredAt = At, Detail = "done" });
    }

    [Fact]
    public async Task A_step_without_an_event_publishes_nothing()
    {
        Stored(TestOrders.Stored(), "etag-1");

        await activity.RunAsync(Mock.Of<WorkflowActivityContext>(), new OrderStatusUpdate("ord-1", OrderStatus.Reserved, At, "stock reserved"));

        saves.Should().ContainSingle();
        published.Should().BeEmpty();
    }
}
