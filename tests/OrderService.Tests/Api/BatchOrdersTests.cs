using System.Net;
using Dapr.Client;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Workflow;
using OrderPlatform.OrderService.Tests.Support;

namespace OrderPlatform.OrderService.Tests.Api;

public sealed class BatchOrdersTests(OrderApiFactory api) : OrderApiTests(api)
{
    [Fact]
    public async Task Mixed_batch_accepts_the_valid_orders_in_one_bulk_save_and_reports_each_entry()
    {
        await State.PutAsync("ord-old", TestOrders.Stored("ord-old"));
        Hooks.ClearRecords();
        var invalid = TestOrders.Request("b-bad") with { Items = [new OrderItem("sku-1", 0, 5m)] };
        var orders = new object?[] { TestOrders.Request(), invalid, TestOrders.Request("b-1"), TestOrders.Request("b-1"), TestOrders.Request("ord-old"), null };

        var response = await Client.PostJsonAsync("/api/orders/batch", new { orders });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var results = (await response.ReadJsonAsync()).GetProperty("results").EnumerateArray().ToList();
        results.Select(r => r.GetProperty("status").GetString()).Should().Equal("accepted", "rejected", "accepted", "duplicate", "duplicate", "rejected");
        results.Select(r => r.GetProperty("index").GetInt32()).Should().Equal(0, 1, 2, 3, 4, 5);
        results[1].GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Equal("items[0].quantity");
        results[2].GetProperty("orderId").GetString().Should().Be("b-1");
        var generatedId = results[0].GetProperty("orderId").GetString()!;

        var bulk = Hooks.SaveCalls.Should().ContainSingle("batch orders are saved by the bulk call only").Subject;
        bulk.Select(i => i.Key).Should().Equal(generatedId, "b-1");
        bulk.Should().OnlyContain(i => i.Concurrency == ConcurrencyMode.FirstWrite && i.Consistency == ConsistencyMode.Strong && i.ETag.Length == 0);
        bulk.Should().OnlyContain(i => i.Metadata["contentType"] == "application/json");
        (await State.GetAsync<OrderPlatform.OrderService.Storage.StoredOrder>("ord-old"))!.CustomerId.Should().Be("cust-1");
        Api.Workflows.Verify(w => w.ScheduleNewWorkflowAsync(nameof(OrderWorkflow), generatedId, It.Is<OrderWorkflowInput>(i => i.PublishesCreated)), Times.Once);
        Api.Workflows.Verify(w => w.ScheduleNewWorkflowAsync(nameof(OrderWorkflow), "b-1", It.Is<OrderWorkflowInput>(i => i.PublishesCreated)), Times.Once);
        Api.Workflows.Verify(w => w.ScheduleNewWorkflowAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>()), Times.Exactly(2));
        Hooks.Published.Should().BeEmpty("each order's workflow publishes its order_created");
    }

    [Fact]
    public async Task Batch_entries_are_priced_from_the_catalogue_and_a_batch_the_catalogue_cannot_price_is_a_503()
    {
        Api.Inventory.Prices["sku-1"] = 19.99m;
        var cheap = TestOrders.Request("b-price") with { Items = [new OrderItem("sku-1", 1000, 0.01m)] };

        var priced = await Client.PostJsonAsync("/api/orders/batch", new { orders = new[] { cheap } });
        Api.Inventory.Unreachable = true;
        var refused = await Client.PostJsonAsync("/api/orders/batch", new { orders = new[] { TestOrders.Request("b-refused") } });

        priced.StatusCode.Should().Be(HttpStatusCode.OK);
        (await State.GetAsync<OrderPlatform.OrderService.Storage.StoredOrder>("b-price"))!.Total.Should().Be(19_990m);
        Api.Workflows.Verify(w => w.ScheduleNewWorkflowAsync(nameof(OrderWorkflow), "b-price", It.Is<OrderWorkflowInput>(i => i.Total == 19_990m && i.RequiresApproval)), Times.Once);
        refused.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        refused.Headers.RetryAfter.Should().NotBeNull();
        (await State.ContainsAsync("b-refused")).Should().BeFalse();
    }

    [Fact]
    public async Task An_all_invalid_batch_saves_nothing()
    {
        var response = await Client.PostJsonAsync("/api/orders/batch", new { orders = new[] { TestOrders.Request() with { Items = [] } } });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadJsonAsync()).GetProperty("results")[0].GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Equal("items");
        Hooks.SaveCalls.Should().BeEmpty();
        Api.Workflows.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task A_batch_of_zero_or_more_than_100_orders_is_a_400(int count)
    {
        var response = await Client.PostJsonAsync("/api/orders/batch", new { orders = Enumerable.Range(0, count).Select(_ => TestOrders.Request()).ToArray() });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ErrorKeysAsync()).Should().Equal("orders");
        Hooks.SaveCalls.Should().BeEmpty();
    }
}
