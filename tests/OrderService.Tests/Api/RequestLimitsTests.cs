using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;
using OrderPlatform.OrderService.Limits;
using OrderPlatform.OrderService.Tests.Support;
using OrderPlatform.OrderService.Workflow;
using OrderPlatform.Testing;

namespace OrderPlatform.OrderService.Tests.Api;

/// <summary>Abuse limits: a per-caller write rate (429 + Retry-After) and small request bodies (413), both ProblemDetails.</summary>
public sealed class RequestLimitsTests(OrderApiFactory api) : OrderApiTests(api)
{
    /// <summary>A client of <paramref name="factory"/> signed in as the test orders' customer.</summary>
    private static HttpClient SignedIn(WebApplicationFactory<Program> factory) =>
        OrderApiFactory.ClientWith(factory, OrderApiFactory.Tokens.Create(OrderApiFactory.Customer));

    private WebApplicationFactory<Program> Limited(int writes = 2, int maxBody = 2048, int maxBatchBody = 65536) =>
        Api.WithWebHostBuilder(b => b
            .UseSetting("RequestLimits:WritesPerWindow", writes.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("RequestLimits:Window", "00:10:00")
            .UseSetting("RequestLimits:MaxBodyBytes", maxBody.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("RequestLimits:MaxBatchBodyBytes", maxBatchBody.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public async Task A_write_over_the_callers_limit_is_a_429_with_retry_after_and_does_nothing_while_reads_go_on()
    {
        using var limited = Limited(writes: 2);
        var client = SignedIn(limited);
        (await client.PostJsonAsync("/api/orders", TestOrders.Request("lim-1"))).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await client.PostJsonAsync("/api/orders", TestOrders.Request("lim-2"))).StatusCode.Should().Be(HttpStatusCode.Accepted);
        Api.Inventory.Checks.Clear();

        var third = await client.PostJsonAsync("/api/orders", TestOrders.Request("lim-3"));
        var read = await client.GetAsync(new Uri("/api/orders/lim-1", UriKind.Relative));

        third.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        third.Headers.RetryAfter!.Delta!.Value.Should().BePositive().And.BeLessThanOrEqualTo(TimeSpan.FromMinutes(10));
        third.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await third.ReadJsonAsync()).GetProperty("status").GetInt32().Should().Be(429);
        (await State.ContainsAsync("lim-3")).Should().BeFalse();
        Api.Inventory.Checks.Should().BeEmpty("a refused write reaches nothing");
        Api.Workflows.Verify(w => w.ScheduleNewWorkflowAsync(nameof(OrderWorkflow), "lim-3", It.IsAny<OrderWorkflowInput>()), Times.Never);
        read.StatusCode.Should().Be(HttpStatusCode.OK, "reads are not limited");
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem_and_nothing_is_stored()
    {
        using var limited = Limited(maxBody: 2048);
        var client = SignedIn(limited);
        var big = TestOrders.Request("lim-big") with { PaymentToken = new string('x', 100), ShippingAddress = new("1 Main St", new string('c', 3000), "1", "US") };

        var response = await client.PostJsonAsync("/api/orders", big);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        var problem = await response.ReadJsonAsync();
        problem.GetProperty("status").GetInt32().Should().Be(413);
        problem.GetProperty("detail").GetString().Should().Contain("2048");
        (await State.ContainsAsync("lim-big")).Should().BeFalse();
        Api.Inventory.Checks.Should().BeEmpty();
    }

    [Fact]
    public async Task A_batch_may_be_larger_than_a_single_order_up_to_its_own_limit()
    {
        using var limited = Limited(maxBody: 2048, maxBatchBody: 16384);
        var client = SignedIn(limited);
        var orders = Enumerable.Range(0, 10).Select(i => TestOrders.Request($"lim-batch-{i}")).ToArray();
        var tooMany = Enumerable.Range(0, 60).Select(i => TestOrders.Request($"lim-batch-x-{i}")).ToArray();

        var accepted = await client.PostJsonAsync("/api/orders/batch", new { orders });
        var refused = await client.PostJsonAsync("/api/orders/batch", new { orders = tooMany });

        accepted.StatusCode.Should().Be(HttpStatusCode.OK);
        refused.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await State.ContainsAsync("lim-batch-x-0")).Should().BeFalse();
    }

    [Theory]
    [InlineData("RequestLimits:WritesPerWindow", "0")]
    [InlineData("RequestLimits:Window", "00:00:00")]
    [InlineData("RequestLimits:MaxBodyBytes", "10")]
    [InlineData("RequestLimits:MaxBatchBodyBytes", "2000")]
    public void A_limit_out_of_range_stops_the_service_at_start_up(string key, string value)
    {
        using var bad = Api.WithWebHostBuilder(b => b.UseSetting(key, value));

        var start = () => bad.Start();

        start.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain(key.Split(':')[1]);
    }

    [Fact]
    public void An_authenticated_caller_is_partitioned_by_identity_or_the_configured_claim_others_by_client_ip()
    {
        var options = new RequestLimitsOptions();
        var alice = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "alice"), new Claim("oid", "42")], "Bearer")) };
        var anonymous = new DefaultHttpContext();
        anonymous.Connection.RemoteIpAddress = IPAddress.Parse("10.0.0.7");
        anonymous.Request.Headers["X-Forwarded-For"] = "1.2.3.4, 203.0.113.9";

        RequestLimitsRegistration.CallerOf(alice, options).Should().Be("user:alice");
        RequestLimitsRegistration.CallerOf(alice, new RequestLimitsOptions { CallerClaim = "oid" }).Should().Be("user:42");
        RequestLimitsRegistration.CallerOf(anonymous, options).Should().Be("ip:10.0.0.7", "X-Forwarded-For is not trusted unless configured");
        // The right-most entry is the one ACA's ingress added; "1.2.3.4" is whatever the client claimed.
        RequestLimitsRegistration.CallerOf(anonymous, new RequestLimitsOptions { ClientIpFromForwardedFor = true }).Should().Be("ip:203.0.113.9");
    }
}
