using System.Net;
using OrderPlatform.Contracts.Events;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Workflow;
using OrderPlatform.OrderService.Tests.Support;

namespace OrderPlatform.OrderService.Tests.Api;

/// <summary>POST /api/orders asks inventory-service whether the products exist before anything is stored.</summary>
public sealed class UnknownProductTests(OrderApiFactory api) : OrderApiTests(api)
{
    private void ShouldHaveStartedNothing()
    {
        Api.Workflows.Verify(w => w.ScheduleNewWorkflowAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>()), Times.Never);
        Hooks.Published.Should().BeEmpty();
    }

    [Fact]
    public async Task An_unknown_product_is_a_422_naming_each_offending_line_and_nothing_is_stored()
    {
        Api.Inventory.MarkUnknown("sku-2");
        var request = TestOrders.Request("ord-u1") with
        {
            Items = [new OrderItem("sku-1", 1, 5m), new OrderItem("sku-2", 1, 5m), new OrderItem("sku-2", 2, 5m)],
        };

        var response = await Client.PostJsonAsync("/api/orders", request, "key-u1");

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.ReadJsonAsync();
        problem.GetProperty("status").GetInt32().Should().Be(422);
        problem.GetProperty("title").GetString().Should().Be("Unknown product");
        var errors = problem.GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).Should().Equal("items[1].productId", "items[2].productId");
        errors.GetProperty("items[1].productId")[0].GetString().Should().Be("Product 'sku-2' does not exist.");
        Hooks.Saves.Should().BeEmpty("no order and no idempotency record is stored");
        (await State.ContainsAsync("ord-u1")).Should().BeFalse();
        ShouldHaveStartedNothing();
    }

    [Fact]
    public async Task The_check_asks_inventory_once_for_each_distinct_product()
    {
        await Client.PostJsonAsync("/api/orders", TestOrders.Request("ord-u2") with
        {
            Items = [new OrderItem("sku-1", 2, 5m), new OrderItem("sku-2", 1, 5m), new OrderItem("sku-1", 1, 5m)],
        });

        var (uri, body) = Api.Inventory.Checks.Should().ContainSingle().Subject;
        uri.AbsolutePath.Should().EndWith("/v1.0/invoke/inventory-service/method/check-stock");
        body.Items.Select(i => i.ProductId).Should().Equal("sku-1", "sku-2");
    }

    [Fact]
    public async Task A_product_id_inventory_could_never_hold_is_unknown_without_asking_for_it()
    {
        var response = await Client.PostJsonAsync("/api/orders", TestOrders.Request("ord-u3") with
        {
            Items = [new OrderItem("sku-1", 1, 5m), new OrderItem("no such sku", 1, 5m)],
        });

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.ErrorKeysAsync()).Should().Equal("items[1].productId");
        Api.Inventory.Checks.Should().ContainSingle().Which.Body.Items.Select(i => i.ProductId).Should().Equal("sku-1");
    }

    [Theory]
    [InlineData(true, null, false)]
    [InlineData(false, HttpStatusCode.InternalServerError, false)]
    [InlineData(false, HttpStatusCode.ServiceUnavailable, false)]
    [InlineData(false, null, true)]
    public async Task When_inventory_cannot_price_the_order_it_is_a_503_with_retry_after_and_nothing_is_stored(
        bool unreachable, HttpStatusCode? status, bool withoutPrices)
    {
        Api.Inventory.Unreachable = unreachable;
        Api.Inventory.FailWith = status;
        Api.Inventory.WithoutPrices = withoutPrices;

        var orderId = $"ord-u4-{(int?)status ?? 0}-{withoutPrices}"; // one per case: the store outlives a test
        var response = await Client.PostJsonAsync("/api/orders", TestOrders.Request(orderId), $"key-{orderId}");

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(5));
        (await response.ReadJsonAsync()).GetProperty("title").GetString().Should().Be("Catalogue unavailable");
        Hooks.Saves.Should().BeEmpty("no order and no idempotency record is stored");
        ShouldHaveStartedNothing();
    }

    [Fact]
    public async Task A_known_product_without_a_catalogue_price_is_a_422_naming_its_line()
    {
        Api.Inventory.Unpriced["sku-2"] = true;

        var response = await Client.PostJsonAsync("/api/orders", TestOrders.Request("ord-u8"));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        errors.GetProperty("items[1].productId")[0].GetString().Should().Be("Product 'sku-2' has no catalogue price and cannot be ordered.");
        ShouldHaveStartedNothing();
    }

    [Fact]
    public async Task An_idempotent_replay_is_not_checked_again()
    {
        var first = await Client.PostJsonAsync("/api/orders", TestOrders.Request(), "key-u5");
        Api.Inventory.MarkUnknown("sku-1"); // the product was withdrawn since; the stored order is still the answer

        var replay = await Client.PostJsonAsync("/api/orders", TestOrders.Request(), "key-u5");

        first.StatusCode.Should().Be(HttpStatusCode.Accepted);
        replay.StatusCode.Should().Be(HttpStatusCode.OK);
        Api.Inventory.Checks.Should().ContainSingle("only the first request was checked");
    }

    [Fact]
    public async Task A_request_rejected_for_an_unknown_product_leaves_its_key_free()
    {
        Api.Inventory.MarkUnknown("sku-2");
        await Client.PostJsonAsync("/api/orders", TestOrders.Request(), "key-u6");
        Api.Inventory.Reset();

        var retry = await Client.PostJsonAsync("/api/orders", TestOrders.Request(), "key-u6");

        retry.StatusCode.Should().Be(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task A_batch_rejects_entries_with_unknown_products_and_accepts_the_rest_with_one_check()
    {
        Api.Inventory.MarkUnknown("ghost");
        var unknownProduct = TestOrders.Request("bu-2") with { Items = [new OrderItem("sku-1", 1, 5m), new OrderItem("ghost", 1, 5m)] };
        var invalid = TestOrders.Request("bu-3") with { Items = [new OrderItem("ghost", 0, 5m)] };

        var response = await Client.PostJsonAsync("/api/orders/batch", new { orders = new[] { TestOrders.Request("bu-1"), unknownProduct, invalid } });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var results = (await response.ReadJsonAsync()).GetProperty("results").EnumerateArray().ToList();
        results.Select(r => r.GetProperty("status").GetString()).Should().Equal("accepted", "rejected", "rejected");
        var errors = results[1].GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).Should().Equal("items[1].productId");
        errors.GetProperty("items[1].productId")[0].GetString().Should().Be("Product 'ghost' does not exist.");
        results[2].GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Equal("items[0].quantity");
        Api.Inventory.Checks.Should().ContainSingle().Which.Body.Items.Select(i => i.ProductId).Should().Equal("sku-1", "sku-2", "ghost");
        Hooks.SaveCalls.Should().ContainSingle().Which.Select(i => i.Key).Should().Equal("bu-1");
        Api.Workflows.Verify(w => w.ScheduleNewWorkflowAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>()), Times.Once);
    }

    [Fact]
    public async Task More_than_100_distinct_products_are_checked_in_calls_of_at_most_100_lines()
    {
        OrderItem[] Items(int from) => [.. Enumerable.Range(from, 100).Select(i => new OrderItem($"p-{i}", 1, 1m))];
        Api.Inventory.MarkUnknown("p-150");

        var response = await Client.PostJsonAsync("/api/orders/batch", new
        {
            orders = new[] { TestOrders.Request("bc-1") with { Items = Items(0) }, TestOrders.Request("bc-2") with { Items = Items(100) } },
        });

        var results = (await response.ReadJsonAsync()).GetProperty("results").EnumerateArray().ToList();
        results.Select(r => r.GetProperty("status").GetString()).Should().Equal("accepted", "rejected");
        results[1].GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Equal("items[50].productId");
        Api.Inventory.Checks.Select(c => c.Body.Items.Count).Should().Equal(100, 100);
    }
}
