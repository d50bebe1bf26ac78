using OrderPlatform.Contracts.Payments;
using OrderPlatform.PaymentService.Faults;
using OrderPlatform.PaymentService.Tests.Support;

namespace OrderPlatform.PaymentService.Tests.Api;

/// <summary>The problems payment-service answers say exactly what went wrong (title and detail, not just a status).</summary>
public sealed class ProblemTextApiTests
{
    [Fact]
    public async Task An_injected_fault_names_itself_and_the_setting_that_armed_it()
    {
        await using var factory = new PaymentApiFactory(faultInjection: true);
        var client = await factory.StartAsync();
        await client.PostJsonAsync("/admin/faults", new FaultRequest(1, 502));

        var response = await client.PostJsonAsync("/process-payment", new PaymentRequest("pt-1", "c", 1m, "EUR", "tok_visa"));

        response.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        (await response.ReadAsync<ProblemBody>()).Should().Be(
            new ProblemBody(502, "Injected fault", "Payments:FaultInjection is on.", null));
    }

    [Fact]
    public async Task An_unknown_payment_is_a_404_that_names_the_order()
    {
        await using var factory = new PaymentApiFactory();
        var client = await factory.StartAsync();

        var response = await client.GetAsync("/api/payments/nope");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.ReadAsync<ProblemBody>()).Should().Be(
            new ProblemBody(404, "Unknown payment", "No payment is recorded for order 'nope'.", null));
    }
}
