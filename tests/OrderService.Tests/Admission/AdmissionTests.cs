using System.Net;
using Microsoft.AspNetCore.Hosting;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Tests.Api;
using OrderPlatform.OrderService.Tests.Support;
using OrderPlatform.OrderService.Workflow;

namespace OrderPlatform.OrderService.Tests.Admission;

/// <summary>
/// The bound on orders in flight, through the order API against the in-process sidecar. No worker runs (as in the API
/// tests), so an accepted order stays in flight until a test writes another status for it, as the workflow would.
/// Each test has its own service and sidecar (the count is the service's).
/// </summary>
public sealed class AdmissionTests
{
    private const int Bound = 3;

    [Fact]
    public async Task Past_the_bound_an_order_is_answered_429_with_Retry_After_and_nothing_is_stored()
    {
        await using var api = new AdmissionApiFactory();
        var client = api.ClientFor(OrderApiFactory.Customer);
        foreach (var id in new[] { "adm-1", "adm-2", "adm-3" })
        {
            (await client.PostJsonAsync("/api/orders", TestOrders.Request(id))).StatusCode.Should().Be(HttpStatusCode.Accepted);
        }

        var refused = await client.PostJsonAsync("/api/orders", TestOrders.Request("adm-4"));

        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(7));
        refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await refused.ReadJsonAsync();
        problem.GetProperty("status").GetInt32().Should().Be(429);
        problem.GetProperty("title").GetString().Should().Be("Too many orders in flight");
        (await api.State.ContainsAsync("adm-4")).Should().BeFalse();
        api.Workflows.Verify(w => w.ScheduleNewWorkflowAsync(It.IsAny<string>(), "adm-4", It.IsAny<object>()), Times.Never);
        api.Hooks.Published.Should().BeEmpty("a request publishes nothing (each workflow publishes its order_created), the refused one included");
    }

    [Fact]
    public async Task An_order_that_ended_or_waits_for_a_person_gives_its_slot_back()
    {
        await using var api = new AdmissionApiFactory();
        var client = api.ClientFor(OrderApiFactory.Customer);
        foreach (var id in new[] { "end-1", "end-2", "end-3" })
        {
            await client.PostJsonAsync("/api/orders", TestOrders.Request(id));
        }

        // What the workflow writes: one order completed, one waiting for approval, one still being processed.
        await api.State.PutAsync("end-1", TestOrders.Stored("end-1", OrderStatus.Completed));
        await api.State.PutAsync("end-2", TestOrders.Stored("end-2", OrderStatus.AwaitingApproval));
        await api.State.PutAsync("end-3", TestOrders.Stored("end-3", OrderStatus.Paid));

        (await client.PostJsonAsync("/api/orders", TestOrders.Request("end-4"))).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await client.PostJsonAsync("/api/orders", TestOrders.Request("end-5"))).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await client.PostJsonAsync("/api/orders", TestOrders.Request("end-6"))).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_batch_needs_a_free_slot_per_entry_or_is_refused_whole()
    {
        await using var api = new AdmissionApiFactory();
        var client = api.ClientFor(OrderApiFactory.Customer);
        await client.PostJsonAsync("/api/orders", TestOrders.Request("bat-0"));

        var tooBig = await client.PostJsonAsync("/api/orders/batch", new { orders = new[] { TestOrders.Request("bat-1"), TestOrders.Request("bat-2"), TestOrders.Request("bat-3") } });
        tooBig.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await api.State.ContainsAsync("bat-1")).Should().BeFalse();

        var fits = await client.PostJsonAsync("/api/orders/batch", new { orders = new[] { TestOrders.Request("bat-1"), TestOrders.Request("bat-2") } });
        fits.StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.PostJsonAsync("/api/orders", TestOrders.Request("bat-4"))).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Replays_rejections_and_refused_entries_take_no_slot()
    {
        await using var api = new AdmissionApiFactory();
        var client = api.ClientFor(OrderApiFactory.Customer);
        (await client.PostJsonAsync("/api/orders", TestOrders.Request("rep-1"), idempotencyKey: "key-rep-1")).StatusCode.Should().Be(HttpStatusCode.Accepted);
        for (var i = 0; i < Bound; i++)
        {
            (await client.PostJsonAsync("/api/orders", TestOrders.Request("rep-1"), idempotencyKey: "key-rep-1")).StatusCode.Should().Be(HttpStatusCode.OK);
            (await client.PostJsonAsync("/api/orders", TestOrders.Request("rep-bad") with { Items = [] })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }

        var batch = await client.PostJsonAsync("/api/orders/batch", new { orders = new object?[] { TestOrders.Request("rep-1"), null } });
        batch.StatusCode.Should().Be(HttpStatusCode.OK);

        (await client.PostJsonAsync("/api/orders", TestOrders.Request("rep-2"))).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await client.PostJsonAsync("/api/orders", TestOrders.Request("rep-3"))).StatusCode.Should().Be(HttpStatusCode.Accepted);
        api.Workflows.Verify(w => w.ScheduleNewWorkflowAsync(nameof(OrderWorkflow), It.IsAny<string>(), It.IsAny<OrderWorkflowInput>()), Times.Exactly(Bound));
    }

    /// <summary>The order API with a bound of <see cref="Bound"/>, a look at the stored status on every refusal.</summary>
    private sealed class AdmissionApiFactory : OrderApiFactory
    {
        public AdmissionApiFactory()
        {
            Settings["Orders:Admission:MaxInFlight"] = Bound.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Settings["Orders:Admission:RefreshInterval"] = "00:00:00";
            Settings["Orders:Admission:RetryAfter"] = "00:00:07";
            Reset();
        }
    }
}
