using System.Text;
using OrderPlatform.PaymentService.Tests.Fakes;

namespace OrderPlatform.PaymentService.Tests.Api;

/// <summary>Bad input is a 400 ProblemDetails naming the field at fault, and nothing is stored.</summary>
public sealed class ValidationApiTests : IDisposable
{
    private readonly PaymentApiFactory factory = new();

    public void Dispose() => factory.Dispose();

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
        factory.Store.Attempts.Should().Be(0);
    }
}
