using OrderPlatform.PaymentService.Tests.Support;

namespace OrderPlatform.PaymentService.Tests.Api;

/// <summary>Bad input is a 400 ProblemDetails naming the field at fault, and nothing is stored.</summary>
public sealed class ValidationApiTests : IAsyncLifetime
{
    private readonly PaymentApiFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => factory.DisposeAsync().AsTask();

    [Theory]
    [InlineData("/process-payment", """{"orderId":"o","customerId":"c","amount":0,"currency":"EUR","paymentToken":"t"}""", "amount")]
    [InlineData("/process-payment", """{"orderId":"o","customerId":"c","amount":-5,"currency":"EUR","paymentToken":"t"}""", "amount")]
    [InlineData("/process-payment", """{"orderId":"o","customerId":"c","amount":5,"currency":"EURO","paymentToken":"t"}""", "currency")]
    [InlineData("/process-payment", """{"orderId":"o","customerId":"c","amount":5,"currency":"E1R","paymentToken":"t"}""", "currency")]
    [InlineData("/process-payment", """{"orderId":"o","customerId":"c","amount":5,"paymentToken":"t"}""", "currency")]
    [InlineData("/process-payment", """{"orderId":"","customerId":"c","amount":5,"currency":"EUR","paymentToken":"t"}""", "orderId")]
    [InlineData("/process-payment", """{"orderId":"o","customerId":"a||b","amount":5,"currency":"EUR","paymentToken":"t"}""", "customerId")]
    [InlineData("/process-payment", """{"orderId":"o","customerId":"c","amount":5,"currency":"EUR"}""", "paymentToken")]
    [InlineData("/process-payment", """{"orderId":"o","customerId":"c","amount":"lots","currency":"EUR","paymentToken":"t"}""", "amount")]
    [InlineData("/refund", """{"reason":"x"}""", "orderId")]
    [InlineData("/refund", "null", "body")]
    public async Task Invalid_fields_are_named_in_the_problem_and_nothing_is_stored(string path, string json, string field)
    {
        var client = await factory.StartAsync();

        var response = await client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.ReadAsync<ProblemBody>()).Errors.Should().ContainKey(field);
        factory.Hooks.Calls("GetState").Should().Be(0, "bad input never reaches the store");
        factory.Hooks.Calls("ExecuteStateTransaction").Should().Be(0);
    }
}
