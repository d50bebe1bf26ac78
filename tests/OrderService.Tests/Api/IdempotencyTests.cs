using System.Net;
using OrderPlatform.OrderService.Workflow;
using OrderService.Tests.Support;

namespace OrderService.Tests.Api;

public sealed class IdempotencyTests(OrderApiFactory api) : OrderApiTests(api)
{
    [Fact]
    public async Task Same_key_and_body_returns_the_same_order_and_starts_one_workflow()
    {
        var first = await Client.PostJsonAsync("/api/orders", TestOrders.Request(), "key-1");
        var second = await Client.PostJsonAsync("/api/orders", TestOrders.Request(), "key-1");

        first.StatusCode.Should().Be(HttpStatusCode.Accepted);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        var orderId = (await first.JsonAsync()).GetProperty("orderId").GetString();
        (await second.JsonAsync()).GetProperty("orderId").GetString().Should().Be(orderId);
        Api.Workflows.Verify(w => w.ScheduleNewWorkflowAsync(nameof(OrderWorkflow), It.IsAny<string>(), It.IsAny<OrderWorkflowInput>()), Times.Once);
    }

    [Fact]
    public async Task Same_key_with_a_different_body_is_a_409()
    {
        await Client.PostJsonAsync("/api/orders", TestOrders.Request(), "key-2");

        var response = await Client.PostJsonAsync("/api/orders", TestOrders.Request(quantity: 3), "key-2");

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        Api.Workflows.Verify(w => w.ScheduleNewWorkflowAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>()), Times.Once);
    }

    [Fact]
    public async Task Racing_requests_with_one_key_produce_one_order()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Client.PostJsonAsync("/api/orders", TestOrders.Request(), "key-race")));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Accepted || r.StatusCode == HttpStatusCode.OK);
        responses.Count(r => r.StatusCode == HttpStatusCode.Accepted).Should().Be(1);
        var ids = await Task.WhenAll(responses.Select(async r => (await r.JsonAsync()).GetProperty("orderId").GetString()));
        ids.Distinct().Should().ContainSingle();
        Api.Workflows.Verify(w => w.ScheduleNewWorkflowAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>()), Times.Once);
    }

    [Fact]
    public async Task The_key_record_is_claimed_insert_only_and_is_not_an_order_document()
    {
        await Client.PostJsonAsync("/api/orders", TestOrders.Request(), "key-3");

        var claim = Api.Store.Saves.Should().ContainSingle(s => s.Key.StartsWith("idempotency:", StringComparison.Ordinal)).Subject;
        claim.ETag.Should().BeEmpty();
        claim.Options.Concurrency.Should().Be(Dapr.Client.ConcurrencyMode.FirstWrite);
        Api.Store.Json(claim.Key).GetProperty("kind").GetString().Should().Be("idempotency");
    }

    [Fact]
    public async Task A_key_whose_order_id_was_taken_by_another_order_is_a_409_and_the_key_is_given_back()
    {
        Api.Store.Put("ord-taken", TestOrders.Stored("ord-taken", customerId: "someone-else"));

        var response = await Client.PostJsonAsync("/api/orders", TestOrders.Request("ord-taken"), "key-4");

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        Api.Store.Saves.Select(s => s.Key).Where(k => k.StartsWith("idempotency:", StringComparison.Ordinal))
            .Should().ContainSingle().Which.Should().Match(k => !Api.Store.Contains(k));
    }
}
