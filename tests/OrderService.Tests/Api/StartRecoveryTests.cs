using System.Net;
using Dapr.Workflow;
using OrderPlatform.Contracts.Events;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Orders.Intake;
using OrderPlatform.OrderService.Storage;
using OrderPlatform.OrderService.Workflow;
using OrderPlatform.OrderService.Tests.Support;

namespace OrderPlatform.OrderService.Tests.Api;

/// <summary>
/// Saving an order and scheduling its workflow are two calls: when scheduling failed, the client's retry with the same
/// Idempotency-Key starts the workflow instead of only returning the stuck pending order.
/// </summary>
public sealed class StartRecoveryTests(OrderApiFactory api) : OrderApiTests(api)
{
    private const string Key = "retry-key";

    [Fact]
    public async Task A_replay_starts_the_workflow_of_a_pending_order_whose_workflow_never_started()
    {
        var order = await SeedPendingOrderAsync("ord-stuck", age: TimeSpan.FromMinutes(5));

        var response = await Client.PostJsonAsync("/api/orders", TestOrders.Request("ord-stuck"), Key);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Api.Workflows.Verify(w => w.ScheduleNewWorkflowAsync(nameof(OrderWorkflow), order.OrderId,
            It.Is<OrderWorkflowInput>(i => i.PaymentToken == "tok_mastercard" && i.Total == order.Total && i.PublishesCreated)), Times.Once);
        Hooks.Published.Should().BeEmpty("the workflow publishes order_created");
    }

    [Fact]
    public async Task A_replay_of_an_order_saved_with_an_input_from_before_the_workflow_published_order_created_publishes_it_itself()
    {
        var order = await SeedPendingOrderAsync("ord-legacy", age: TimeSpan.FromMinutes(5));
        await State.PutAsync(order.OrderId, order with { WorkflowInput = TestOrders.WorkflowInput() with { OrderId = order.OrderId, PublishesCreated = false, RecordsInSteps = false } });

        (await Client.PostJsonAsync("/api/orders", TestOrders.Request("ord-legacy"), Key)).StatusCode.Should().Be(HttpStatusCode.OK);

        Api.Workflows.Verify(w => w.ScheduleNewWorkflowAsync(nameof(OrderWorkflow), order.OrderId,
            It.Is<OrderWorkflowInput>(i => !i.PublishesCreated)), Times.Once);
        var published = Hooks.Published.Should().ContainSingle().Subject;
        (published.PubsubName, published.Topic).Should().Be((OrderPlatform.Contracts.Components.PubSub, OrderPlatform.Contracts.Topics.Orders));
        published.DataAs<OrderEvent>().Should().Match<OrderEvent>(e => e.OrderId == order.OrderId && e.Type == OrderEventTypes.Created);
    }

    [Fact]
    public async Task A_replay_leaves_an_order_whose_workflow_exists_alone()
    {
        var order = await SeedPendingOrderAsync("ord-running", age: TimeSpan.FromMinutes(5));
        Api.Workflows.Setup(w => w.GetWorkflowStateAsync(order.OrderId, false, It.IsAny<CancellationToken>()))
            .ReturnsAsync(WorkflowStates.Create(order.OrderId, WorkflowRuntimeStatus.Running, TestOrders.Now.UtcDateTime, TestOrders.Now.UtcDateTime));

        (await Client.PostJsonAsync("/api/orders", TestOrders.Request("ord-running"), Key)).StatusCode.Should().Be(HttpStatusCode.OK);

        Api.Workflows.Verify(w => w.ScheduleNewWorkflowAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>()), Times.Never);
    }

    [Fact]
    public async Task A_replay_within_the_start_grace_does_not_race_the_request_still_starting_it()
    {
        await SeedPendingOrderAsync("ord-fresh", age: OrderStarter.StartGrace - TimeSpan.FromSeconds(1));

        (await Client.PostJsonAsync("/api/orders", TestOrders.Request("ord-fresh"), Key)).StatusCode.Should().Be(HttpStatusCode.OK);

        Api.Workflows.Verify(w => w.ScheduleNewWorkflowAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>()), Times.Never);
        Api.Workflows.Verify(w => w.GetWorkflowStateAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_replay_exactly_at_the_end_of_the_start_grace_starts_the_workflow()
    {
        var order = await SeedPendingOrderAsync("ord-grace-end", age: OrderStarter.StartGrace);

        var response = await Client.PostJsonAsync("/api/orders", TestOrders.Request("ord-grace-end"), Key);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Api.Workflows.Verify(w => w.ScheduleNewWorkflowAsync(nameof(OrderWorkflow), order.OrderId, It.IsAny<OrderWorkflowInput>()), Times.Once);
    }

    [Fact]
    public async Task A_replay_of_an_order_that_moved_on_starts_nothing()
    {
        var request = TestOrders.Request("ord-paid");
        var paid = StoredOrder.Create("ord-paid", request, request.Items, "USD", RequestFingerprint.Of(request), TestOrders.Now.AddMinutes(-5)) with { Status = OrderStatus.Paid };
        await SeedAsync(paid, request);

        (await Client.PostJsonAsync("/api/orders", request, Key)).StatusCode.Should().Be(HttpStatusCode.OK);

        Api.Workflows.Verify(w => w.ScheduleNewWorkflowAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>()), Times.Never);
    }

    /// <summary>What a first request leaves when its save succeeded and its workflow schedule failed.</summary>
    private async Task<StoredOrder> SeedPendingOrderAsync(string orderId, TimeSpan age)
    {
        var request = TestOrders.Request(orderId);
        var order = StoredOrder.Create(orderId, request, request.Items, "USD", RequestFingerprint.Of(request), TestOrders.Now - age);
        await SeedAsync(order, request);
        return order;
    }

    private async Task SeedAsync(StoredOrder order, CreateOrderRequest request)
    {
        await State.PutAsync(order.OrderId, order);
        await State.PutAsync(StateKeys.Idempotency(OrderApiFactory.Customer, Key), new IdempotencyRecord(RequestFingerprint.Of(request), order.OrderId, order.CreatedAt));
    }
}
