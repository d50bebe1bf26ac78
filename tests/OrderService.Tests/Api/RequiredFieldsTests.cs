using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.OrderService.Tests.Support;

namespace OrderPlatform.OrderService.Tests.Api;

/// <summary>
/// No field is silently defaulted: a missing or null required field is a 400 naming it ("... is required"), an unknown
/// (mistyped) member is a 400 naming it, and nothing is stored or signalled. Batch entries are judged one by one.
/// </summary>
public sealed class RequiredFieldsTests(OrderApiFactory api) : OrderApiTests(api)
{
    private static JsonObject Order() =>
        JsonSerializer.SerializeToNode(TestOrders.Request("ord-r"), JsonDefaults.Options)!.AsObject();

    public static TheoryData<string, string> MissingOrNull => new()
    {
        { "items", """{"customerId":"c","items":null}""" },
        { "items[0].quantity", """{"customerId":"c","items":[{"productId":"p","unitPrice":1}]}""" },
        { "items[0].quantity", """{"customerId":"c","items":[{"productId":"p","quantity":null,"unitPrice":1}]}""" },
        { "items[0].productId", """{"customerId":"c","items":[{"quantity":1,"unitPrice":1}]}""" },
        { "shippingAddress.city", """{"customerId":"c","items":[{"productId":"p","quantity":1,"unitPrice":1}],"shippingAddress":{"street":"s","postalCode":"1","country":"US"}}""" },
    };

    [Theory]
    [MemberData(nameof(MissingOrNull))]
    public async Task A_missing_or_null_required_field_is_a_400_naming_it_as_required(string field, string json)
    {
        var response = await Client.PostRawAsync("/api/orders", json);

        (await ErrorsAsync(response)).Should().ContainKey(field).WhoseValue.Should().Equal($"'{field[(field.LastIndexOf('.') + 1)..]}' is required.");
        AssertNothingHappened();
    }

    [Theory]
    [InlineData("shippingAdress")]
    [InlineData("items[0].qty")]
    [InlineData("shippingAddress.zip")]
    public async Task An_unknown_member_is_a_400_naming_it(string field)
    {
        var body = Order();
        var path = field.Split('.');
        var target = path.Length == 1 ? body
            : path[0] == "items[0]" ? body["items"]![0]!.AsObject()
            : body[path[0]]!.AsObject();
        target[path[^1]] = 1;

        var response = await Client.PostRawAsync("/api/orders", body.ToJsonString());

        (await ErrorsAsync(response)).Should().ContainKey(field).WhoseValue.Single().Should().Contain("not a field");
        AssertNothingHappened();
    }

    [Fact]
    public async Task Approve_with_a_mistyped_member_is_refused_and_nothing_is_signalled()
    {
        await State.PutAsync("ord-a", TestOrders.Stored("ord-a", OrderStatus.AwaitingApproval));

        var response = await Api.OperatorClient().PostRawAsync("/api/orders/ord-a/approve", """{"approved":false,"reasn":"too big"}""");

        (await ErrorsAsync(response)).Should().ContainKey("reasn");
        Api.Workflows.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Cancel_with_a_mistyped_member_is_refused_and_nothing_is_signalled()
    {
        await State.PutAsync("ord-c", TestOrders.Stored("ord-c"));

        var response = await Client.PostRawAsync("/api/orders/ord-c/cancel", """{"reson":"changed my mind"}""");

        (await ErrorsAsync(response)).Should().ContainKey("reson");
        Api.Workflows.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData("""{}""", "orders", "'orders' is required.")]
    [InlineData("""{"orders":null}""", "orders", "'orders' is required.")]
    public async Task A_batch_without_orders_is_a_400(string json, string field, string message)
    {
        var response = await Client.PostRawAsync("/api/orders/batch", json);

        (await ErrorsAsync(response)).Should().ContainKey(field).WhoseValue.Should().Equal(message);
        Hooks.SaveCalls.Should().BeEmpty();
        Api.Workflows.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_batch_with_an_unknown_top_level_member_is_a_400()
    {
        var response = await Client.PostRawAsync("/api/orders/batch", $$"""{"orders":[{{Order().ToJsonString()}}],"dryRun":true}""");

        (await ErrorsAsync(response)).Should().ContainKey("dryRun");
        Hooks.SaveCalls.Should().BeEmpty();
        Api.Workflows.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_batch_entry_with_a_missing_or_unknown_field_is_rejected_alone()
    {
        var good = Order();
        good["orderId"] = "b-good";
        var missing = Order();
        missing["orderId"] = "b-missing";
        missing["items"]![0]!.AsObject().Remove("quantity");
        var typo = Order();
        typo["orderId"] = "b-typo";
        typo["paymentTokn"] = "tok_x";

        var response = await Client.PostRawAsync("/api/orders/batch", $$"""{"orders":[{{good.ToJsonString()}},{{missing.ToJsonString()}},{{typo.ToJsonString()}},5]}""");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var results = (await response.ReadJsonAsync()).GetProperty("results").EnumerateArray().ToList();
        results.Select(r => r.GetProperty("status").GetString()).Should().Equal("accepted", "rejected", "rejected", "rejected");
        Errors(results[1]).Should().ContainKey("items[0].quantity").WhoseValue.Should().Equal("'quantity' is required.");
        Errors(results[2]).Should().ContainKey("paymentTokn");
        Errors(results[3]).Should().ContainKey("order");
        Hooks.SaveCalls.Should().ContainSingle().Which.Select(i => i.Key).Should().Equal("b-good");
    }

    private static Dictionary<string, string[]> Errors(JsonElement result) =>
        result.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        return (await response.ReadJsonAsync()).GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    private void AssertNothingHappened()
    {
        Hooks.SaveCalls.Should().BeEmpty();
        Api.Workflows.VerifyNoOtherCalls();
    }
}
