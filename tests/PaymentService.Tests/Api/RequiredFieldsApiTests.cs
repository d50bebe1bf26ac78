using OrderPlatform.Contracts.Payments;
using OrderPlatform.PaymentService.Faults;
using OrderPlatform.PaymentService.Payments;
using OrderPlatform.PaymentService.Storage;
using OrderPlatform.PaymentService.Tests.Support;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.PaymentService.Tests.Api;

/// <summary>
/// No field is silently defaulted: a missing or null required field is a 400 naming it ("... is required") and nothing
/// is stored or armed. /admin/faults refuses unknown members; process-payment and refund skip them (version skew).
/// </summary>
public sealed class RequiredFieldsApiTests : IAsyncLifetime
{
    private const string Charge = """{"orderId":"o-1","customerId":"c-1","amount":5,"currency":"EUR","paymentToken":"tok_visa"}""";
    private readonly PaymentApiFactory factory = new(faultInjection: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => factory.DisposeAsync().AsTask();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<Dictionary<string, string[]>> RefusedAsync(string path, string json)
    {
        var client = await factory.StartAsync();

        var response = await client.PostAsync(path, Json(json));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        factory.Hooks.Calls("GetState").Should().Be(0, "bad input never reaches the store");
        factory.Hooks.Calls("ExecuteStateTransaction").Should().Be(0, "nothing may be stored for bad input");
        (await client.GetFromJsonAsync<FaultState>("/admin/faults", JsonDefaults.Options))!.Remaining.Should().Be(0, "nothing may be armed");
        return (await response.ReadAsync<ProblemBody>()).Errors!;
    }

    [Theory]
    [InlineData("/process-payment", """{"orderId":"o","customerId":"c","currency":"EUR","paymentToken":"t"}""", "amount")]
    [InlineData("/process-payment", """{"customerId":"c","amount":5,"currency":"EUR","paymentToken":"t"}""", "orderId")]
    [InlineData("/process-payment", """{"orderId":"o","amount":5,"currency":"EUR","paymentToken":"t"}""", "customerId")]
    [InlineData("/process-payment", """{"orderId":"o","customerId":"c","amount":5,"currency":null,"paymentToken":"t"}""", "currency")]
    [InlineData("/process-payment", """{"orderId":"o","customerId":"c","amount":5,"currency":"EUR"}""", "paymentToken")]
    [InlineData("/refund", """{"orderId":"o"}""", "reason")]
    [InlineData("/refund", """{"orderId":"o","reason":null}""", "reason")]
    [InlineData("/refund", """{"reason":"x"}""", "orderId")]
    [InlineData("/admin/faults", """{}""", "failNext")]
    [InlineData("/admin/faults", """{"failNext":null,"statusCode":500}""", "failNext")]
    public async Task A_missing_or_null_required_field_is_named_as_required(string path, string json, string field)
    {
        var errors = await RefusedAsync(path, json);

        errors.Should().ContainKey(field).WhoseValue.Should().ContainSingle().Which.Should().Be($"'{field}' is required.");
    }

    [Fact]
    public async Task A_missing_amount_is_required_not_zero()
    {
        var errors = await RefusedAsync("/process-payment", """{"orderId":"o","customerId":"c","currency":"EUR","paymentToken":"t"}""");

        errors.Should().BeEquivalentTo(new Dictionary<string, string[]> { ["amount"] = ["'amount' is required."] });
    }

    [Fact]
    public async Task A_mistyped_fault_field_is_refused_and_nothing_is_armed()
    {
        var errors = await RefusedAsync("/admin/faults", """{"failNext":3,"status":500}""");

        errors.Should().ContainKey("status").WhoseValue.Should().ContainSingle().Which.Should().Contain("not a field");
    }

    [Fact]
    public async Task The_fault_status_code_stays_optional()
    {
        var client = await factory.StartAsync();

        var response = await client.PostAsync("/admin/faults", Json("""{"failNext":2}"""));

        (await response.ReadAsync<FaultState>()).Should().Be(new FaultState(2, 503));
    }

    [Fact]
    public async Task Dapr_invoked_methods_skip_unknown_members_so_a_newer_caller_still_works()
    {
        var client = await factory.StartAsync();

        var response = await client.PostAsync("/process-payment", Json(Charge.Replace("}", ""","channel":"web"}""", StringComparison.Ordinal)));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        factory.Hooks.Calls("ExecuteStateTransaction").Should().Be(1);
        (await factory.GetStateAsync<PaymentRecord>(StateKeys.Payment("o-1")))!.Status.Should().Be(PaymentStatus.Charged);
    }
}
