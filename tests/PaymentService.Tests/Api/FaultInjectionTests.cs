using OrderPlatform.Contracts.Payments;
using OrderPlatform.PaymentService.Faults;
using OrderPlatform.PaymentService.Tests.Support;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.PaymentService.Tests.Api;

public sealed class FaultInjectionTests
{
    private static readonly PaymentRequest Charge = new("f-1", "cust-1", 10m, "EUR", "tok_visa");

    [Fact]
    public async Task When_enabled_the_next_n_calls_fail_with_the_status_then_calls_succeed()
    {
        await using var factory = new PaymentApiFactory(faultInjection: true);
        var client = await factory.StartAsync();

        var armed = await client.PostJsonAsync("/admin/faults", new FaultRequest(2, 503));
        var first = await client.PostJsonAsync("/process-payment", Charge);
        var second = await client.PostJsonAsync("/refund", new RefundRequest("f-1", "x"));
        var third = await client.PostJsonAsync("/process-payment", Charge);

        (await armed.ReadAsync<FaultState>()).Should().Be(new FaultState(2, 503));
        first.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        second.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        third.StatusCode.Should().Be(HttpStatusCode.OK);
        factory.Hooks.Calls("ExecuteStateTransaction").Should().Be(1, "failed calls store nothing");
    }

    [Fact]
    public async Task Delete_clears_armed_faults()
    {
        await using var factory = new PaymentApiFactory(faultInjection: true);
        var client = await factory.StartAsync();
        await client.PostJsonAsync("/admin/faults", new FaultRequest(5, 500));

        (await client.DeleteAsync("/admin/faults")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await client.PostJsonAsync("/process-payment", Charge)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Get_reports_what_is_armed_and_counts_down_as_calls_are_failed()
    {
        await using var factory = new PaymentApiFactory(faultInjection: true);
        var client = await factory.StartAsync();

        var initial = await client.GetFromJsonAsync<FaultState>("/admin/faults", JsonDefaults.Options);
        await client.PostJsonAsync("/admin/faults", new FaultRequest(3, 502));
        var armed = await client.GetFromJsonAsync<FaultState>("/admin/faults", JsonDefaults.Options);
        await client.PostJsonAsync("/process-payment", Charge);
        var afterOne = await client.GetFromJsonAsync<FaultState>("/admin/faults", JsonDefaults.Options);
        await client.PostJsonAsync("/refund", new RefundRequest("f-1", "x"));
        await client.PostJsonAsync("/process-payment", Charge);
        var spent = await client.GetFromJsonAsync<FaultState>("/admin/faults", JsonDefaults.Options);
        await client.PostJsonAsync("/process-payment", Charge);
        var afterSuccess = await client.GetFromJsonAsync<FaultState>("/admin/faults", JsonDefaults.Options);

        initial.Should().Be(new FaultState(0, 503));
        armed.Should().Be(new FaultState(3, 502));
        afterOne.Should().Be(new FaultState(2, 502));
        spent.Should().Be(new FaultState(0, 502));
        afterSuccess.Should().Be(new FaultState(0, 502), "a call served normally takes nothing");
    }

    [Fact]
    public async Task Get_answers_camelCase_remaining_and_statusCode()
    {
        await using var factory = new PaymentApiFactory(faultInjection: true);
        var client = await factory.StartAsync();
        await client.PostJsonAsync("/admin/faults", new FaultRequest(4, 500));

        var response = await client.GetAsync("/admin/faults");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"remaining":4,"statusCode":500}""");
    }

    [Fact]
    public async Task Get_after_delete_reports_nothing_armed()
    {
        await using var factory = new PaymentApiFactory(faultInjection: true);
        var client = await factory.StartAsync();
        await client.PostJsonAsync("/admin/faults", new FaultRequest(5, 500));

        await client.DeleteAsync("/admin/faults");

        (await client.GetFromJsonAsync<FaultState>("/admin/faults", JsonDefaults.Options)).Should().Be(new FaultState(0, 503));
    }

    [Fact]
    public async Task Of_parallel_calls_exactly_the_armed_number_fail_with_the_armed_status()
    {
        // Thread safety of the countdown itself: FaultInjectorTests (30 requests in process rarely collide).
        await using var factory = new PaymentApiFactory(faultInjection: true);
        var client = await factory.StartAsync();
        await client.PostJsonAsync("/admin/faults", new FaultRequest(7, 502));

        // One customer per call: the counter is under test, not contention on one customer's running total.
        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            client.PostJsonAsync("/process-payment", Charge with { OrderId = $"p-{i}", CustomerId = $"cust-{i}" })));

        responses.Count(r => r.StatusCode == HttpStatusCode.BadGateway).Should().Be(7);
        responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(23);
    }

    [Theory]
    [InlineData(0, 503, "failNext")]
    [InlineData(1, 200, "statusCode")]
    public async Task Arming_validates_its_fields(int failNext, int statusCode, string field)
    {
        await using var factory = new PaymentApiFactory(faultInjection: true);
        var client = await factory.StartAsync();

        var response = await client.PostJsonAsync("/admin/faults", new FaultRequest(failNext, statusCode));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadAsync<ProblemBody>()).Errors.Should().ContainKey(field);
    }

    [Fact]
    public async Task When_disabled_the_admin_routes_do_not_exist_and_calls_are_never_failed()
    {
        await using var factory = new PaymentApiFactory();
        var client = await factory.StartAsync();

        (await client.PostJsonAsync("/admin/faults", new FaultRequest(1, 503))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.DeleteAsync("/admin/faults")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync("/admin/faults")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.PostJsonAsync("/process-payment", Charge)).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
