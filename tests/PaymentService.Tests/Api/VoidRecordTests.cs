using System.Security.Cryptography;
using OrderPlatform.Contracts.Payments;
using OrderPlatform.PaymentService.Payments;
using OrderPlatform.PaymentService.Storage;
using OrderPlatform.PaymentService.Tests.Support;

namespace OrderPlatform.PaymentService.Tests.Api;

public sealed class VoidRecordTests : IAsyncLifetime
{
    private readonly PaymentApiFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => factory.DisposeAsync().AsTask();

    [Fact]
    public async Task A_refund_before_any_charge_stores_a_signed_void_record_with_no_customer_amount_or_currency()
    {
        var client = await factory.StartAsync();
        var before = DateTimeOffset.UtcNow;

        (await client.PostJsonAsync("/refund", new RefundRequest("v-1", "order failed"))).StatusCode.Should().Be(HttpStatusCode.OK);

        var after = DateTimeOffset.UtcNow;
        var record = (await factory.GetStateAsync<PaymentRecord>(StateKeys.Payment("v-1")))!;
        record.PaymentId.Should().MatchRegex("^void_[0-9a-f]{32}$");
        record.Should().BeEquivalentTo(new
        {
            OrderId = "v-1",
            CustomerId = string.Empty,
            Amount = 0m,
            Currency = string.Empty,
            Status = PaymentStatus.Declined,
            DeclineReason = PaymentHandler.VoidedReason,
            RefundReason = "order failed",
        });
        record.ProcessedAt.Should().BeOnOrAfter(before).And.BeOnOrBefore(after);
        record.RefundedAt.Should().NotBeNull().And.BeOnOrAfter(record.ProcessedAt).And.BeOnOrBefore(after);
        record.Signature.Should().Be(Convert.ToHexStringLower(
            HMACSHA256.HashData(await factory.GatewayKeyAsync(), Encoding.UTF8.GetBytes("v-1|0|Declined"))));
    }
}
