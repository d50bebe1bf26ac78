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
        problem.GetProperty("detail").GetString().Should().Be("Too many orders are being processed; nothing was stored. Retry after the time in Retry-After.");
        (await api.State.ContainsAsync("adm-4")).Should().BeFalse();
        (await client.GetAsync(new Uri("/api/orders/adm-1", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK, "only the routes that create orders are bounded");
        (await client.GetAsync(new Uri("/api/orders", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
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
        (await tooBig.ReadJsonAsync()).GetProperty("detail").GetString().Should().Be(
            "Too many orders are being processed to take 3 more; nothing was stored. Retry after the time in Retry-After.");
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

    [Fact]
    public async Task The_stored_status_is_looked_at_again_once_the_refresh_interval_has_passed()
    {
        await using var api = new AdmissionApiFactory(refreshInterval: "00:00:05");
        var client = api.ClientFor(OrderApiFactory.Customer);
        foreach (var id in new[] { "ivl-1", "ivl-2", "ivl-3" })
        {
            await client.PostJsonAsync("/api/orders", TestOrders.Request(id));
        }

        // The first refusal looks (none looked before) and finds ivl-1 ended.
        await api.State.PutAsync("ivl-1", TestOrders.Stored("ivl-1", OrderStatus.Completed));
        (await client.PostJsonAsync("/api/orders", TestOrders.Request("ivl-4"))).StatusCode.Should().Be(HttpStatusCode.Accepted);

        // ivl-2 ends too, but the last look is not 5 s old: the count is as it was.
        await api.State.PutAsync("ivl-2", TestOrders.Stored("ivl-2", OrderStatus.Completed));
        (await client.PostJsonAsync("/api/orders", TestOrders.Request("ivl-5"))).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);

        // Exactly 5 s after the last look, the next refusal looks again.
        api.Clock.Advance(TimeSpan.FromSeconds(5));
        (await client.PostJsonAsync("/api/orders", TestOrders.Request("ivl-6"))).StatusCode.Should().Be(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task A_batch_entry_naming_an_order_already_stored_takes_no_slot()
    {
        await using var api = new AdmissionApiFactory();
        var client = api.ClientFor(OrderApiFactory.Customer);
        // An order still in flight that this service never counted (stored before it started, e.g. before a restart).
        await api.State.PutAsync("dup-old", TestOrders.Stored("dup-old", OrderStatus.Paid));

        var batch = await client.PostJsonAsync("/api/orders/batch", new { orders = new[] { TestOrders.Request("dup-old") } });
        batch.StatusCode.Should().Be(HttpStatusCode.OK);
        (await batch.ReadJsonAsync()).GetProperty("results")[0].GetProperty("status").GetString().Should().Be("duplicate");

        foreach (var id in new[] { "dup-1", "dup-2", "dup-3" })
        {
            (await client.PostJsonAsync("/api/orders", TestOrders.Request(id))).StatusCode.Should().Be(HttpStatusCode.Accepted, id);
        }
    }

    /// <summary>The order API with a bound of <see cref="Bound"/>, a look at the stored status on every refusal (or at most once per <c>refreshInterval</c>).</summary>
    private sealed class AdmissionApiFactory : OrderApiFactory
    {
        public AdmissionApiFactory(string refreshInterval = "00:00:00")
        {
            Settings["Orders:Admission:MaxInFlight"] = Bound.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Settings["Orders:Admission:RefreshInterval"] = refreshInterval;
            Settings["Orders:Admission:RetryAfter"] = "00:00:07";
            Reset();
        }
    }
}
