using System.Net;
using System.Text;
using System.Text.Json;
using Dapr.Client;
using Dapr.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moq.Protected;
using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Events;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.Contracts.Payments;
using OrderPlatform.Contracts.Shipping;
using OrderPlatform.OrderService.Downstream;
using OrderPlatform.OrderService.Events;
using OrderPlatform.OrderService.Orders;
using OrderPlatform.OrderService.Storage;
using OrderPlatform.OrderService.Workflow;
using OrderPlatform.OrderService.Workflow.Activities;
using OrderPlatform.OrderService.Tests.Support;

namespace OrderPlatform.OrderService.Tests.Activities;

/// <summary>
/// The step activities against <c>orders-store</c> and <c>order-pubsub</c> of the dev sidecar, the downstream service
/// answering through a stubbed HttpClient: each records what its call's answer means, once, with its event.
/// </summary>
public sealed class StepActivityTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = TestOrders.Now.AddMinutes(5);
    private readonly ServiceProvider metricsServices = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly List<string> downstream = [];
    private OrdersSidecar sidecar = null!;
    private OrderStepRecorder recorder = null!;

    public async Task InitializeAsync()
    {
        sidecar = await OrdersSidecar.StartAsync();
        recorder = new OrderStepRecorder(
            new OrderRepository(sidecar.Store()),
            new OrderEventPublisher(sidecar.Client, Options.Create(new OrderServiceOptions { EventTtlSeconds = 120 })),
            new OrderMetrics(metricsServices.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()));
    }

    public async Task DisposeAsync()
    {
        await metricsServices.DisposeAsync();
        await sidecar.DisposeAsync();
    }

    [Fact]
    public async Task The_first_step_publishes_order_created_then_reserves_and_records_reserved_with_one_read()
    {
        await StoredAsync(TestOrders.Stored());
        var inventory = new InventoryClient(Answering("inventory-service", """{"reservationId":"ord-1","status":"reserved","shortages":[]}"""));

        var result = await new ReserveStockStepActivity(inventory, recorder).RunAsync(
            Mock.Of<WorkflowActivityContext>(), new ReserveStockStep(Reserve, new StepRecording("ord-1", At, PublishesCreated: true)));

        result.Status.Should().Be(ReservationStatus.Reserved);
        downstream.Should().Equal("http://inventory-service/reserve");
        sidecar.Hooks.Published.Should().ContainSingle().Which.DataAs<OrderEvent>().Should().Match<OrderEvent>(e =>
            e.Type == OrderEventTypes.Created && e.Status == nameof(OrderStatus.Pending) && e.Detail == StoredOrder.ReceivedDetail);
        sidecar.Hooks.Calls("GetState").Should().Be(1, "the read for order_created gives the ETag the write uses");
        sidecar.Hooks.Saves.Should().ContainSingle();
        (await CurrentAsync()).History.Select(h => (h.Status, h.Detail)).Should().Equal(
            (OrderStatus.Pending, StoredOrder.ReceivedDetail), (OrderStatus.Reserved, "stock reserved"));
    }

    [Fact]
    public async Task A_refused_reservation_records_nothing_the_workflow_decides_what_follows()
    {
        await StoredAsync(TestOrders.Stored());
        var inventory = new InventoryClient(Answering("inventory-service", """{"reservationId":"ord-1","status":"rejected","shortages":[{"productId":"sku-1","requested":2,"available":0}]}"""));

        var result = await new ReserveStockStepActivity(inventory, recorder).RunAsync(
            Mock.Of<WorkflowActivityContext>(), new ReserveStockStep(Reserve, new StepRecording("ord-1", At)));

        result.Status.Should().Be(ReservationStatus.Rejected);
        sidecar.Hooks.Saves.Should().BeEmpty();
        sidecar.Hooks.Published.Should().BeEmpty();
        sidecar.Hooks.Calls("GetState").Should().Be(0, "with nothing to record the order is not even read");
    }

    [Fact]
    public async Task A_declined_charge_and_a_rejected_shipment_record_nothing()
    {
        await StoredAsync(TestOrders.Stored(status: OrderStatus.Reserved));
        var payments = new PaymentClient(Answering("payment-service",
            """{"orderId":"ord-1","paymentId":"","status":"declined","amount":60,"declineReason":"card expired","processedAt":"2026-03-14T10:00:00Z"}"""));
        var shipping = new ShippingClient(Answering("shipping-service", """{"orderId":"ord-1","status":"rejected","reason":"unserviceable"}"""));

        await new ProcessPaymentStepActivity(payments, recorder).RunAsync(Mock.Of<WorkflowActivityContext>(),
            new ProcessPaymentStep(new PaymentRequest("ord-1", "cust-1", 60m, "USD", "tok_visa"), new StepRecording("ord-1", At)));
        await new ShipOrderStepActivity(shipping, recorder).RunAsync(Mock.Of<WorkflowActivityContext>(),
            new ShipOrderStep(new ShipmentRequest("ord-1", "cust-1", [new StockLine("sku-1", 2)], null), new StepRecording("ord-1", At)));

        downstream.Should().Equal("http://payment-service/process-payment", "http://shipping-service/ship");
        sidecar.Hooks.Saves.Should().BeEmpty();
        sidecar.Hooks.Published.Should().BeEmpty();
    }

    [Fact]
    public async Task A_first_step_for_an_order_that_is_not_stored_fails_before_calling_downstream()
    {
        var inventory = new InventoryClient(Answering("inventory-service", """{"reservationId":"ord-404","status":"reserved","shortages":[]}"""));

        var act = () => new ReserveStockStepActivity(inventory, recorder).RunAsync(Mock.Of<WorkflowActivityContext>(),
            new ReserveStockStep(new ReserveStockRequest("ord-404", "ord-404", [new StockLine("sku-1", 2)]), new StepRecording("ord-404", At, PublishesCreated: true)));

        (await act.Should().ThrowAsync<KeyNotFoundException>()).WithMessage("Order 'ord-404' does not exist.");
        downstream.Should().BeEmpty();
    }

    [Fact]
    public async Task A_step_tags_its_span_with_the_order_id()
    {
        await StoredAsync(TestOrders.Stored());
        var inventory = new InventoryClient(Answering("inventory-service", """{"reservationId":"ord-1","status":"rejected","shortages":[]}"""));
        using var span = new OrderSpan();

        await new ReserveStockStepActivity(inventory, recorder).RunAsync(Mock.Of<WorkflowActivityContext>(), new ReserveStockStep(Reserve, new StepRecording("ord-1", At)));

        span.OrderId.Should().Be("ord-1");
    }

    [Fact]
    public async Task The_charge_step_records_paid_with_the_payment_id_and_publishes_order_paid_once_a_retry_writes_nothing()
    {
        await StoredAsync(TestOrders.Stored(status: OrderStatus.Reserved));
        var payments = new PaymentClient(Answering("payment-service",
            """{"orderId":"ord-1","paymentId":"pay-9","status":"charged","amount":60,"processedAt":"2026-03-14T10:00:00Z"}"""));
        var step = new ProcessPaymentStep(new PaymentRequest("ord-1", "cust-1", 60m, "USD", "tok_visa"), new StepRecording("ord-1", At));

        await new ProcessPaymentStepActivity(payments, recorder).RunAsync(Mock.Of<WorkflowActivityContext>(), step);
        await new ProcessPaymentStepActivity(payments, recorder).RunAsync(Mock.Of<WorkflowActivityContext>(), step);

        var order = await CurrentAsync();
        order.Status.Should().Be(OrderStatus.Paid);
        order.PaymentId.Should().Be("pay-9");
        order.History.Should().ContainSingle(h => h.Status == OrderStatus.Paid).Which.Detail.Should().Be("charged 60 USD");
        sidecar.Hooks.Saves.Should().ContainSingle("the retry finds Paid recorded");
        sidecar.Hooks.Published.Select(p => p.DataAs<OrderEvent>().Type).Should().Equal(OrderEventTypes.Paid, OrderEventTypes.Paid);
        sidecar.Hooks.Published.Should().OnlyContain(p => p.Metadata["cloudevent.id"] == "ord-1:order_paid", "subscribers drop the copy by id");
    }

    [Fact]
    public async Task The_ship_step_records_shipped_with_the_tracking_number_and_publishes_order_shipped()
    {
        await StoredAsync(TestOrders.Stored(status: OrderStatus.Paid));
        var shipping = new ShippingClient(Answering("shipping-service", """{"orderId":"ord-1","status":"shipped","trackingNumber":"TRK-7"}"""));

        await new ShipOrderStepActivity(shipping, recorder).RunAsync(Mock.Of<WorkflowActivityContext>(),
            new ShipOrderStep(new ShipmentRequest("ord-1", "cust-1", [new StockLine("sku-1", 2)], null), new StepRecording("ord-1", At)));

        (await CurrentAsync()).Should().Match<StoredOrder>(o => o.Status == OrderStatus.Shipped && o.TrackingNumber == "TRK-7");
        sidecar.Hooks.Published.Should().ContainSingle().Which.DataAs<OrderEvent>().Should().Match<OrderEvent>(e =>
            e.Type == OrderEventTypes.Shipped && e.TrackingNumber == "TRK-7");
    }

    [Fact]
    public async Task A_commit_not_accepted_and_an_ignored_cancel_are_noted_before_completed_in_one_save()
    {
        await StoredAsync(TestOrders.Stored(status: OrderStatus.Shipped));
        var inventory = new InventoryClient(Answering("inventory-service", """{"reservationId":"ord-1","status":"notfound","shortages":[]}"""));

        await new CommitStockStepActivity(inventory, recorder).RunAsync(Mock.Of<WorkflowActivityContext>(),
            new CommitStockStep(new CommitStockRequest("ord-1"), new StepRecording("ord-1", At), CancelIgnored: true));

        var order = await CurrentAsync();
        order.Status.Should().Be(OrderStatus.Completed);
        order.History.Skip(2).Select(h => (h.Status, h.Detail)).Should().Equal(
            (OrderStatus.Shipped, "stock commit after shipping answered notfound (the reservation was not committed)"),
            (OrderStatus.Shipped, "cancellation ignored: the order has already shipped"),
            (OrderStatus.Completed, "order completed; customer notified"));
        sidecar.Hooks.Saves.Should().ContainSingle();
        sidecar.Hooks.Published.Should().ContainSingle().Which.DataAs<OrderEvent>().Type.Should().Be(OrderEventTypes.Completed);
    }

    [Fact]
    public async Task A_committed_stock_completes_the_order_and_a_retried_step_adds_nothing()
    {
        await StoredAsync(TestOrders.Stored(status: OrderStatus.Shipped));
        var inventory = new InventoryClient(Answering("inventory-service", """{"reservationId":"ord-1","status":"committed","shortages":[]}"""));
        var step = new CommitStockStep(new CommitStockRequest("ord-1"), new StepRecording("ord-1", At), CancelIgnored: false);

        await new CommitStockStepActivity(inventory, recorder).RunAsync(Mock.Of<WorkflowActivityContext>(), step);
        await new CommitStockStepActivity(inventory, recorder).RunAsync(Mock.Of<WorkflowActivityContext>(), step);

        (await CurrentAsync()).History.Select(h => h.Status).Should().Equal(OrderStatus.Pending, OrderStatus.Shipped, OrderStatus.Completed);
    }

    [Fact]
    public async Task A_store_fault_after_the_call_fails_the_step_so_the_engine_retries_it_whole()
    {
        await StoredAsync(TestOrders.Stored(status: OrderStatus.Reserved));
        var payments = new PaymentClient(Answering("payment-service",
            """{"orderId":"ord-1","paymentId":"pay-9","status":"charged","amount":60,"processedAt":"2026-03-14T10:00:00Z"}"""));
        sidecar.Hooks.Fail("SaveState", times: 1);

        var act = () => new ProcessPaymentStepActivity(payments, recorder).RunAsync(Mock.Of<WorkflowActivityContext>(),
            new ProcessPaymentStep(new PaymentRequest("ord-1", "cust-1", 60m, "USD", "tok_visa"), new StepRecording("ord-1", At)));

        await act.Should().ThrowAsync<Dapr.DaprException>();
        downstream.Should().Equal("http://payment-service/process-payment");
        sidecar.Hooks.Published.Should().BeEmpty("the event follows the recorded status");
        (await CurrentAsync()).Status.Should().Be(OrderStatus.Reserved);
    }

    [Fact]
    public async Task The_check_stock_step_records_the_wait_for_approval_only_when_the_stock_is_there()
    {
        await StoredAsync(TestOrders.Stored());
        var wait = new OrderStatusUpdate("ord-1", OrderStatus.AwaitingApproval, At, "total 1500 USD is above the approval threshold of 1000");
        var short_ = new InventoryClient(Answering("inventory-service", """{"available":false,"shortages":[{"productId":"sku-1","requested":2,"available":0}]}"""));

        await new CheckStockStepActivity(short_, recorder).RunAsync(Mock.Of<WorkflowActivityContext>(),
            new CheckStockStep(new CheckStockRequest([new StockLine("sku-1", 2)]), new StepRecording("ord-1", At, PublishesCreated: true), wait));

        (await CurrentAsync()).Status.Should().Be(OrderStatus.Pending);
        sidecar.Hooks.Published.Should().ContainSingle().Which.DataAs<OrderEvent>().Type.Should().Be(OrderEventTypes.Created);

        var available = new InventoryClient(Answering("inventory-service", """{"available":true,"shortages":[]}"""));
        await new CheckStockStepActivity(available, recorder).RunAsync(Mock.Of<WorkflowActivityContext>(),
            new CheckStockStep(new CheckStockRequest([new StockLine("sku-1", 2)]), new StepRecording("ord-1", At), wait));

        (await CurrentAsync()).Status.Should().Be(OrderStatus.AwaitingApproval);
    }

    private static ReserveStockRequest Reserve => new("ord-1", "ord-1", [new StockLine("sku-1", 2)]);

    private HttpClient Answering(string appId, string json)
    {
        var handler = new Mock<HttpMessageHandler>();
        handler.Protected()
            .Setup<Task<HttpResponseMessage>>("SendAsync", ItExpr.IsAny<HttpRequestMessage>(), ItExpr.IsAny<CancellationToken>())
            .Returns((HttpRequestMessage request, CancellationToken _) =>
            {
                downstream.Add(request.RequestUri!.ToString());
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
            });
        return new HttpClient(handler.Object) { BaseAddress = new Uri($"http://{appId}") };
    }

    private async Task StoredAsync(StoredOrder order)
    {
        await sidecar.State.PutAsync("ord-1", order);
        sidecar.Hooks.ClearRecords();
        sidecar.Hooks.ResetCounts();
    }

    private async Task<StoredOrder> CurrentAsync() => (await sidecar.State.GetAsync<StoredOrder>("ord-1"))!;
}
