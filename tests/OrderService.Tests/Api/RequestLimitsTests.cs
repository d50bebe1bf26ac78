using System.IO.Pipelines;
using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderPlatform.Contracts;
using OrderPlatform.OrderService.Limits;
using OrderPlatform.OrderService.Tests.Support;
using OrderPlatform.OrderService.Workflow;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.ServiceDefaults.Security;
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
        var problem = await third.ReadJsonAsync();
        problem.GetProperty("status").GetInt32().Should().Be(429);
        problem.GetProperty("title").GetString().Should().Be("Too many requests");
        problem.GetProperty("detail").GetString().Should().Be(
            $"This caller sent more than the allowed writes in its window; retry after {third.Headers.GetValues("Retry-After").Single()} s. Nothing was done.");
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
    public async Task Each_signed_in_caller_has_a_write_budget_of_its_own()
    {
        // The test server's requests all come from one (unknown) address: only the caller's identity tells them apart,
        // and the limiter sees it only because authentication ran first.
        using var limited = Limited(writes: 1);
        var first = OrderApiFactory.ClientWith(limited, OrderApiFactory.Tokens.Create(OrderApiFactory.Customer));
        var second = OrderApiFactory.ClientWith(limited, OrderApiFactory.Tokens.Create("cust-2"));

        (await first.PostJsonAsync("/api/orders", TestOrders.Request("lim-own-1"))).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await second.PostJsonAsync("/api/orders", TestOrders.Request("lim-own-2") with { CustomerId = null })).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await first.PostJsonAsync("/api/orders", TestOrders.Request("lim-own-3"))).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Writes_outside_the_api_such_as_the_sidecars_cron_binding_are_not_limited()
    {
        using var limited = Limited(writes: 1);
        // As daprd's cron binding calls: the app API token (the factory's clients send it) and no caller app-id.
        var binding = OrderApiFactory.ClientWith(limited, null);
        binding.DefaultRequestHeaders.Remove(DaprCallers.CallerHeader);

        var first = await binding.PostAsync(new Uri("/" + Components.ReconcileCron, UriKind.Relative), null);
        var second = await binding.PostAsync(new Uri("/" + Components.ReconcileCron, UriKind.Relative), null);

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_body_of_exactly_the_limit_is_read_one_byte_more_is_a_413()
    {
        using var limited = Limited(maxBody: 2048);
        var client = SignedIn(limited);

        // Not JSON: the body at the limit reaches the endpoint (and is refused there as malformed), the one above does not.
        using var atLimit = new StringContent(new string('x', 2048), Encoding.UTF8, "application/json");
        using var aboveLimit = new StringContent(new string('x', 2049), Encoding.UTF8, "application/json");
        var read = await client.PostAsync(new Uri("/api/orders", UriKind.Relative), atLimit);
        var refused = await client.PostAsync(new Uri("/api/orders", UriKind.Relative), aboveLimit);

        read.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        refused.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        var problem = await refused.ReadJsonAsync();
        problem.GetProperty("title").GetString().Should().Be("Request body too large");
        problem.GetProperty("detail").GetString().Should().Be("This route takes bodies of at most 2048 bytes; nothing was done.");
    }

    [Fact]
    public async Task A_chunked_body_without_a_length_is_cut_off_at_the_routes_limit_by_kestrel_and_answered_413()
    {
        // Only Kestrel has a writable IHttpMaxRequestBodySizeFeature (the test server has none): without the per-route
        // limit, this body (under Kestrel's cap, the batch limit) would be read and the order stored.
        using var limited = Limited(maxBody: 2048, maxBatchBody: 65536);
        limited.UseKestrel(0);
        limited.StartServer();
        var address = limited.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        // Without the redirect handler, which buffers a request body (and so gives it a length) to be able to send it again.
        var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(address) });
        client.DefaultRequestHeaders.Authorization = new("Bearer", OrderApiFactory.Tokens.Create(OrderApiFactory.Customer));
        var big = TestOrders.Request("lim-chunked") with { ShippingAddress = new("1 Main St", new string('c', 3000), "1", "US") };
        var body = new Pipe(); // a stream of unknown length: HttpClient sends it chunked
        await body.Writer.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(big, JsonDefaults.Options));
        await body.Writer.CompleteAsync();
        using var chunked = new StreamContent(body.Reader.AsStream());
        chunked.Headers.ContentType = new("application/json");

        var response = await client.PostAsync(new Uri("/api/orders", UriKind.Relative), chunked);

        response.RequestMessage!.Content!.Headers.ContentLength.Should().BeNull("the body went chunked, with no length to check first");
        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await State.ContainsAsync("lim-chunked")).Should().BeFalse();
    }

    [Fact]
    public void The_batch_limit_may_equal_the_single_limit_and_is_kestrels_cap()
    {
        using var equal = Limited(maxBody: 4096, maxBatchBody: 4096);

        var kestrel = equal.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;

        kestrel.Limits.MaxRequestBodySize.Should().Be(4096);
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
        RequestLimitsRegistration.CallerOf(new DefaultHttpContext(), options).Should().Be("ip:unknown", "a connection without an address (an in-process caller)");
        // The right-most entry is the one ACA's ingress added; "1.2.3.4" is whatever the client claimed.
        RequestLimitsRegistration.CallerOf(anonymous, new RequestLimitsOptions { ClientIpFromForwardedFor = true }).Should().Be("ip:203.0.113.9");
    }
}
