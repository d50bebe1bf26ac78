using System.Security.Cryptography;
using OrderPlatform.Contracts.Payments;
using OrderPlatform.PaymentService.Payments;
using OrderPlatform.PaymentService.Tests.Support;

namespace OrderPlatform.PaymentService.Tests.Api;

public sealed class PaymentQueryAndSignatureTests : IAsyncLifetime
{
    private readonly PaymentApiFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => factory.DisposeAsync().AsTask();

    /// <summary>HMAC-SHA256 with the key the secret store serves (components/secrets.json through the sidecar).</summary>
    private async Task<string> HmacAsync(string payload) => Convert.ToHexStringLower(
        HMACSHA256.HashData(await factory.GatewayKeyAsync(), Encoding.UTF8.GetBytes(payload)));

    [Fact]
    public async Task Get_returns_the_stored_record_signed_with_the_gateway_key()
    {
        var client = await factory.StartAsync();
        await client.PostJsonAsync("/process-payment", new PaymentRequest("s-1", "cust-1", 125.50m, "eur", "tok_visa"));

        var response = await client.GetAsync("/api/payments/s-1");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var record = await response.ReadAsync<PaymentRecord>();
        record.Should().Match<PaymentRecord>(r => r.OrderId == "s-1" && r.CustomerId == "cust-1" && r.Currency == "EUR");
        record.Signature.Should().Be(await HmacAsync("s-1|125.5|Charged"));
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"signature\":").And.Contain("\"status\":\"charged\"");
    }

    [Fact]
    public async Task Declines_and_refunds_are_signed_over_their_own_status()
    {
        var client = await factory.StartAsync();
        await client.PostJsonAsync("/process-payment", new PaymentRequest("s-2", "cust-1", 10m, "EUR", "tok_decline"));
        await client.PostJsonAsync("/process-payment", new PaymentRequest("s-3", "cust-1", 20.00m, "EUR", "tok_visa"));
        await client.PostJsonAsync("/refund", new RefundRequest("s-3", "test"));

        var declined = await (await client.GetAsync("/api/payments/s-2")).ReadAsync<PaymentRecord>();
        var refunded = await (await client.GetAsync("/api/payments/s-3")).ReadAsync<PaymentRecord>();

        declined.Signature.Should().Be(await HmacAsync("s-2|10|Declined"));
        refunded.Signature.Should().Be(await HmacAsync("s-3|20|Refunded"));
    }

    [Fact]
    public async Task Get_of_an_unknown_order_is_a_404_problem()
    {
        var client = await factory.StartAsync();

        var response = await client.GetAsync("/api/payments/nope");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }
}
