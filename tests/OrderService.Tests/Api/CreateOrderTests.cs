using OrderPlatform.Contracts.Orders;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Dapr.Client;
using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Events;
using OrderPlatform.OrderService.Orders;
using OrderPlatform.OrderService.Storage;
using OrderPlatform.OrderService.Workflow;
using OrderPlatform.OrderService.Tests.Support;

namespace OrderPlatform.OrderService.Tests.Api;

public sealed class CreateOrderTests(OrderApiFactory api) : OrderApiTests(api)
{
    [Fact]
    public async Task Create_returns_202_with_location_and_the_order_view()
    {
        var response = await Client.PostJsonAsync("/api/orders", TestOrders.Request("ord-100"));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        response.Headers.Location!.ToString().Should().Be("/api/orders/ord-100");
        var body = await response.ReadJsonAsync();
        body.GetProperty("orderId").GetString().Should().Be("ord-100");
        body.GetProperty("status").GetString().Should().Be("pending");
        body.GetProperty("total").GetDecimal().Should().Be(60m);
        body.GetProperty("history")[0].GetProperty("status").GetString().Should().Be("pending");
    }

    [Fact]
    public async Task Create_saves_insert_only_strong_with_a_queryable_document()
    {
        await Client.PostJsonAsync("/api/orders", TestOrders.Request("ord-101"));

        var save = Hooks.Saves.Should().ContainSingle(s => s.Key == "ord-101").Subject;
        save.ETag.Should().BeEmpty("no ETag + first-write means the key must not exist yet");
        save.Concurrency.Should().Be(ConcurrencyMode.FirstWrite);
        save.Consistency.Should().Be(ConsistencyMode.Strong);
        save.Metadata.Should().Equal(new Dictionary<string, string> { ["contentType"] = "application/json" }, "a JSON document the state query can filter, kept forever");
        var doc = await State.JsonAsync("ord-101");
        doc.GetProperty("kind").GetString().Should().Be("order");
        doc.GetProperty("customerId").GetString().Should().Be("cust-1");
        doc.GetProperty("status").GetString().Should().Be("pending");
        doc.GetProperty("createdAt").GetString().Should().Be("2026-03-14T09:30:00.0000000Z");
    }

    [Fact]
    public async Task Create_schedules_one_workflow_named_after_the_order_with_its_input()
    {
        await Client.PostJsonAsync("/api/orders", TestOrders.Request("ord-102"));

        Api.Workflows.Verify(w => w.ScheduleNewWorkflowAsync(nameof(OrderWorkflow), "ord-102", It.Is<OrderWorkflowInput>(i =>
            i.OrderId == "ord-102" && i.Total == 60m && i.PaymentToken == "tok_mastercard" && i.ApprovalThreshold == 1000m && i.Currency == "USD")), Times.Once);
    }

    [Fact]
    public async Task A_started_order_is_counted_once_on_the_OrderPlatform_meter_and_a_replay_is_not()
    {
        using var created = new MetricCollector<long>(
            Api.Services.GetRequiredService<IMeterFactory>(), ServiceDefaults.TelemetryExtensions.ActivitySourceName, OrderMetrics.Created);
        (await Client.PostJsonAsync("/api/orders", TestOrders.Request("ord-107"), idempotencyKey: "metrics-107")).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await Client.PostJsonAsync("/api/orders", TestOrders.Request("ord-107"), idempotencyKey: "metrics-107")).StatusCode.Should().Be(HttpStatusCode.OK);

        created.GetMeasurementSnapshot().Select(m => m.Value).Should().Equal(1);
    }

    [Fact]
    public async Task Create_without_payment_token_uses_the_default_token()
    {
        await Client.PostJsonAsync("/api/orders", TestOrders.Request("ord-103") with { PaymentToken = null });

        Api.Workflows.Verify(w => w.ScheduleNewWorkflowAsync(nameof(OrderWorkflow), "ord-103", It.Is<OrderWorkflowInput>(i => i.PaymentToken == "tok_visa")), Times.Once);
    }

    [Fact]
    public async Task Create_leaves_order_created_to_the_workflow_so_a_pubsub_outage_neither_fails_the_request_nor_loses_the_event()
    {
        var response = await Client.PostJsonAsync("/api/orders", TestOrders.Request("ord-104"));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        Hooks.Published.Should().BeEmpty();
        Api.Workflows.Verify(w => w.ScheduleNewWorkflowAsync(nameof(OrderWorkflow), "ord-104", It.Is<OrderWorkflowInput>(i => i.PublishesCreated && i.RecordsInSteps)), Times.Once);
    }

    [Fact]
    public async Task Create_without_order_id_generates_one()
    {
        var response = await Client.PostJsonAsync("/api/orders", TestOrders.Request());

        var orderId = (await response.ReadJsonAsync()).GetProperty("orderId").GetString()!;
        orderId.Should().MatchRegex("^[A-Za-z0-9_-]{1,64}$");
        (await State.ContainsAsync(orderId)).Should().BeTrue();
    }

    [Fact]
    public async Task An_explicit_order_id_that_exists_is_a_409_and_starts_nothing()
    {
        await State.PutAsync("ord-105", TestOrders.Stored("ord-105"));

        var response = await Client.PostJsonAsync("/api/orders", TestOrders.Request("ord-105"));

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.ReadJsonAsync()).GetProperty("status").GetInt32().Should().Be(409);
        Api.Workflows.Verify(w => w.ScheduleNewWorkflowAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>()), Times.Never);
    }

    [Fact]
    public async Task Approval_timeout_and_threshold_come_from_configuration()
    {
        // Values unlike OrderServiceOptions' defaults (1000, 24 h), on a host of its own: a total of 310 needs approval
        // only under this threshold.
        await using var configured = new OrderApiFactory { Settings = { ["Orders:ApprovalThreshold"] = "250", ["Orders:ApprovalTimeout"] = "02:30:00" } };
        configured.Reset();
        configured.Inventory.Prices["sku-1"] = 150m; // the catalogue prices the order

        await configured.ClientFor(OrderApiFactory.Customer).PostJsonAsync("/api/orders", TestOrders.Request("ord-106"));

        configured.Workflows.Verify(w => w.ScheduleNewWorkflowAsync(nameof(OrderWorkflow), "ord-106", It.Is<OrderWorkflowInput>(i =>
            i.Total == 310m && i.ApprovalThreshold == 250m && i.RequiresApproval && i.ApprovalTimeout == new TimeSpan(2, 30, 0))), Times.Once);
    }

    [Fact]
    public async Task The_catalogue_prices_every_line_and_the_client_unit_price_is_ignored()
    {
        // The abuse: 1000 units of a 19.99 product at a unitPrice of 0.01 would have totalled 10.00.
        Api.Inventory.Prices["sku-1"] = 19.99m;
        var request = TestOrders.Request("ord-catalogue-1") with { Items = [new OrderItem("sku-1", 1000, 0.01m), new OrderItem("sku-2", 1)] };

        var response = await Client.PostJsonAsync("/api/orders", request);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var view = await response.ReadJsonAsync();
        view.GetProperty("total").GetDecimal().Should().Be(20_000m);
        view.GetProperty("items")[0].GetProperty("unitPrice").GetDecimal().Should().Be(19.99m);
        view.GetProperty("items")[1].GetProperty("unitPrice").GetDecimal().Should().Be(10m);
        (await State.GetAsync<OrderPlatform.OrderService.Storage.StoredOrder>("ord-catalogue-1"))!.Total.Should().Be(20_000m);
        Api.Workflows.Verify(w => w.ScheduleNewWorkflowAsync(nameof(OrderWorkflow), "ord-catalogue-1", It.Is<OrderWorkflowInput>(i =>
            i.Total == 20_000m && i.RequiresApproval && i.Items[0].UnitPrice == 19.99m)), Times.Once);
    }
}
