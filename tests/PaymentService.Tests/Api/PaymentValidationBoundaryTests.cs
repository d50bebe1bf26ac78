using OrderPlatform.Contracts.Payments;
using OrderPlatform.PaymentService.Payments;
using OrderPlatform.PaymentService.Storage;
using OrderPlatform.PaymentService.Tests.Support;

namespace OrderPlatform.PaymentService.Tests.Api;

/// <summary>
/// Each validator rule at its edge: the last value it takes is stored, the first it refuses is a 400 naming the field
/// and stores nothing. (Missing fields: <see cref="RequiredFieldsApiTests"/>; other bad values: <see cref="ValidationApiTests"/>.)
/// </summary>
public sealed class PaymentValidationBoundaryTests : IAsyncLifetime
{
    private readonly PaymentApiFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => factory.DisposeAsync().AsTask();

    private async Task<Dictionary<string, string[]>> RefusedAsync(string path, object body)
    {
        var client = await factory.StartAsync();

        var response = await client.PostJsonAsync(path, body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        factory.Hooks.Calls("GetState").Should().Be(0, "bad input never reaches the store");
        factory.Hooks.Calls("ExecuteStateTransaction").Should().Be(0);
        return (await response.ReadAsync<ProblemBody>()).Errors!;
    }

    [Fact]
    public async Task A_payment_token_of_200_characters_is_charged()
    {
        var client = await factory.StartAsync();

        var response = await client.PostJsonAsync("/process-payment", new PaymentRequest("vb-1", "c", 5m, "EUR", new string('t', 200)));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadAsync<PaymentResult>()).Status.Should().Be(PaymentStatus.Charged);
    }

    [Theory]
    [InlineData(201)]
    [InlineData(0)]
    public async Task A_payment_token_that_is_empty_or_longer_than_200_is_refused(int length)
    {
        var errors = await RefusedAsync("/process-payment", new PaymentRequest("vb-2", "c", 5m, "EUR", new string('t', length)));

        errors.Keys.Should().Equal("paymentToken");
    }

    [Fact]
    public async Task The_largest_amount_is_charged_and_a_cent_more_is_refused()
    {
        var client = await factory.StartAsync();
        // The customer limit would decline it: what is checked here is that validation lets it through.
        var largest = await client.PostJsonAsync("/process-payment", new PaymentRequest("vb-3", "c", PaymentRequestValidator.MaxAmount, "EUR", "tok_visa"));
        largest.StatusCode.Should().Be(HttpStatusCode.OK);
        factory.Hooks.ResetCounts();

        var errors = await RefusedAsync("/process-payment", new PaymentRequest("vb-4", "c", PaymentRequestValidator.MaxAmount + 0.01m, "EUR", "tok_visa"));

        errors.Keys.Should().Equal("amount");
    }

    [Theory]
    [InlineData("")]
    [InlineData("a||b")]
    public async Task A_refund_for_an_order_id_that_is_not_an_identifier_is_refused(string orderId)
    {
        var errors = await RefusedAsync("/refund", new RefundRequest(orderId, "x"));

        errors.Keys.Should().Equal("orderId");
    }

    [Fact]
    public async Task A_refund_reason_of_500_characters_is_stored_and_501_is_refused()
    {
        var client = await factory.StartAsync();
        var reason = new string('r', 500);

        var accepted = await client.PostJsonAsync("/refund", new RefundRequest("vb-5", reason));

        accepted.StatusCode.Should().Be(HttpStatusCode.OK);
        (await factory.GetStateAsync<PaymentRecord>(StateKeys.Payment("vb-5")))!.RefundReason.Should().Be(reason);
        factory.Hooks.ResetCounts();
        var errors = await RefusedAsync("/refund", new RefundRequest("vb-6", reason + "r"));
        errors.Keys.Should().Equal("reason");
    }
}
