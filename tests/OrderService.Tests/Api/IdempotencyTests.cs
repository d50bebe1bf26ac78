using System.Net;
using OrderPlatform.OrderService.Storage;
using OrderPlatform.OrderService.Workflow;
using OrderPlatform.OrderService.Tests.Support;

namespace OrderPlatform.OrderService.Tests.Api;

public sealed class IdempotencyTests(OrderApiFactory api) : OrderApiTests(api)
{
    [Fact]
    public async Task Same_key_and_body_returns_the_same_order_and_starts_one_workflow()
    {
        var first = await Client.PostJsonAsync("/api/orders", TestOrders.Request(), "key-1");
        var second = await Client.PostJsonAsync("/api/orders", TestOrders.Request(), "key-1");

        first.StatusCode.Should().Be(HttpStatusCode.Accepted);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        var orderId = (await first.ReadJsonAsync()).GetProperty("orderId").GetString();
        (await second.ReadJsonAsync()).GetProperty("orderId").GetString().Should().Be(orderId);
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
        // Every request's claim waits at the sidecar's door until all eight are there: none of them has seen the key
        // held, all eight inserts race on the same key.
        const int Racers = 8;
        var claims = 0;
        var allThere = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Api.Hooks.Before("SaveState", async ct =>
        {
            if (Interlocked.Increment(ref claims) == Racers)
            {
                allThere.TrySetResult();
            }

            await allThere.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
        });

        var responses = await Task.WhenAll(Enumerable.Range(0, Racers).Select(_ => Client.PostJsonAsync("/api/orders", TestOrders.Request(), "key-race")));

        Hooks.Saves.Count(s => s.Key.StartsWith(StateKeys.IdempotencyPrefix, StringComparison.Ordinal)).Should().Be(Racers, "every request tried to claim the key");
        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Accepted || r.StatusCode == HttpStatusCode.OK);
        responses.Count(r => r.StatusCode == HttpStatusCode.Accepted).Should().Be(1);
        var ids = await Task.WhenAll(responses.Select(async r => (await r.ReadJsonAsync()).GetProperty("orderId").GetString()));
        ids.Distinct().Should().ContainSingle();
        Api.Workflows.Verify(w => w.ScheduleNewWorkflowAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>()), Times.Once);
    }

    [Fact]
    public async Task The_key_record_is_claimed_insert_only_and_is_not_an_order_document()
    {
        await Client.PostJsonAsync("/api/orders", TestOrders.Request(), "key-3");

        var claim = Hooks.Saves.Should().ContainSingle(s => s.Key.StartsWith("idempotency:", StringComparison.Ordinal)).Subject;
        claim.Key.Should().Be(StateKeys.Idempotency(OrderApiFactory.Customer, "key-3"));
        claim.ETag.Should().BeEmpty();
        claim.Concurrency.Should().Be(Dapr.Client.ConcurrencyMode.FirstWrite);
        claim.Metadata.Should().Equal(new Dictionary<string, string> { ["contentType"] = "application/json", ["ttlInSeconds"] = "86400" });
        (await State.JsonAsync(claim.Key)).GetProperty("kind").GetString().Should().Be("idempotency");
    }

    [Fact]
    public async Task A_key_whose_order_id_was_taken_by_another_order_is_a_409_and_the_key_is_given_back()
    {
        await State.PutAsync("ord-taken", TestOrders.Stored("ord-taken", customerId: "someone-else"));

        var response = await Client.PostJsonAsync("/api/orders", TestOrders.Request("ord-taken"), "key-4");

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var claimed = Hooks.Saves.Select(s => s.Key).Where(k => k.StartsWith("idempotency:", StringComparison.Ordinal)).Should().ContainSingle().Subject;
        Hooks.Deletes.Should().Equal(claimed);
        (await State.ContainsAsync(claimed)).Should().BeFalse();
    }
}
