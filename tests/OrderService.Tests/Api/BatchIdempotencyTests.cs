using System.Net;
using OrderPlatform.OrderService.Orders.Intake;
using OrderPlatform.OrderService.Storage;
using OrderPlatform.OrderService.Workflow;
using OrderPlatform.OrderService.Tests.Support;

namespace OrderPlatform.OrderService.Tests.Api;

/// <summary>POST /api/orders/batch with an Idempotency-Key: a retried batch reports the same orders and creates none.</summary>
public sealed class BatchIdempotencyTests(OrderApiFactory api) : OrderApiTests(api)
{
    /// <summary>Two entries without an id and one naming <paramref name="explicitId"/> (its own per test: the store outlives a test).</summary>
    private static object Batch(string explicitId) =>
        new { orders = new object[] { TestOrders.Request(), TestOrders.Request(quantity: 5), TestOrders.Request(explicitId) } };

    [Fact]
    public async Task A_retried_batch_reports_the_same_orders_and_starts_each_once()
    {
        var first = await ResultsAsync(await Client.PostJsonAsync("/api/orders/batch", Batch("b-explicit"), "batch-key"));
        var retry = await ResultsAsync(await Client.PostJsonAsync("/api/orders/batch", Batch("b-explicit"), "batch-key"));

        retry.Should().Equal(first);
        first.Select(r => r.Status).Should().Equal("accepted", "accepted", "accepted");
        first[0].OrderId.Should().Be(OrderIds.ForBatchEntry(OrderApiFactory.Customer, "batch-key", 0));
        first[2].OrderId.Should().Be("b-explicit");
        Hooks.SaveCalls.Should().ContainSingle("the retry had nothing new to save");
        Api.Workflows.Verify(w => w.ScheduleNewWorkflowAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>()), Times.Exactly(3));
    }

    [Fact]
    public async Task Batches_with_other_keys_or_no_key_create_new_orders()
    {
        var keyed = await ResultsAsync(await Client.PostJsonAsync("/api/orders/batch", Batch("b-explicit-2"), "key-a"));
        var other = await ResultsAsync(await Client.PostJsonAsync("/api/orders/batch", Batch("b-explicit-2"), "key-b"));
        var unkeyed = await ResultsAsync(await Client.PostJsonAsync("/api/orders/batch", Batch("b-explicit-2")));

        other[0].OrderId.Should().NotBe(keyed[0].OrderId);
        unkeyed[0].OrderId.Should().NotBe(keyed[0].OrderId).And.NotBe(other[0].OrderId);
        other[2].Should().Be(new Result("b-explicit-2", "accepted"), "a keyed entry naming a stored order with the same body is that order");
        unkeyed[2].Should().Be(new Result("b-explicit-2", "duplicate"), "without a key an existing id is a duplicate, as before");
        Api.Workflows.Verify(w => w.ScheduleNewWorkflowAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>()), Times.Exactly(7));
    }

    [Fact]
    public async Task A_retry_starts_a_stored_entry_whose_workflow_never_started()
    {
        var request = TestOrders.Request();
        var id = OrderIds.ForBatchEntry(OrderApiFactory.Customer, "stuck-key", 0);
        await State.PutAsync(id, StoredOrder.Create(id, request, request.Items, "USD", RequestFingerprint.Of(request), TestOrders.Now.AddMinutes(-5)));
        Hooks.ClearRecords();

        var results = await ResultsAsync(await Client.PostJsonAsync("/api/orders/batch", new { orders = new[] { request } }, "stuck-key"));

        results.Should().ContainSingle().Which.Should().Be(new Result(id, "accepted"));
        Hooks.SaveCalls.Should().BeEmpty();
        Api.Workflows.Verify(w => w.ScheduleNewWorkflowAsync(nameof(OrderWorkflow), id, It.IsAny<OrderWorkflowInput>()), Times.Once);
    }

    [Fact]
    public async Task An_idempotency_key_that_is_too_long_is_a_400_naming_the_header()
    {
        var response = await Client.PostJsonAsync("/api/orders/batch", Batch("b-explicit-3"), new string('k', IdempotencyKeyHeaderValidator.MaxLength + 1));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("Idempotency-Key", out _).Should().BeTrue();
        Hooks.SaveCalls.Should().BeEmpty();
    }

    private static async Task<List<Result>> ResultsAsync(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return [.. (await response.ReadJsonAsync()).GetProperty("results").EnumerateArray()
            .Select(r => new Result(r.GetProperty("orderId").GetString()!, r.GetProperty("status").GetString()!))];
    }

    private sealed record Result(string OrderId, string Status);
}
