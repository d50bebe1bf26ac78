using System.Net;
using System.Text;
using System.Text.Json;
using OrderPlatform.Contracts.Shipping;
using OrderPlatform.ShippingService.Tests.Support;

namespace OrderPlatform.ShippingService.Tests;

/// <summary>
/// No field of <c>POST /ship</c> is silently defaulted: a missing, null or blank required field is a 400 naming it
/// ("... is required", one wording whether the JSON reader or the validator found it) and nothing is stored.
/// Unknown members are skipped (the caller is order-service, maybe newer).
/// </summary>
public sealed class RequiredFieldsTests : ShippingTest
{
    private const string Address = """{"street":"Unter den Linden 1","city":"Berlin","postalCode":"10117","country":"DE"}""";

    private Task<HttpResponseMessage> ShipAsync(string json) =>
        Factory.CreateClient().PostAsync("/ship", new StringContent(json, Encoding.UTF8, "application/json"));

    [Theory]
    [InlineData("orderId", """{"customerId":"c","items":[{"productId":"p","quantity":1}]}""")]
    [InlineData("orderId", """{"orderId":null,"customerId":"c","items":[{"productId":"p","quantity":1}]}""")]
    [InlineData("orderId", """{"orderId":"","customerId":"c","items":[{"productId":"p","quantity":1}]}""")]
    [InlineData("customerId", """{"orderId":"o-1","items":[{"productId":"p","quantity":1}]}""")]
    [InlineData("customerId", """{"orderId":"o-1","customerId":" ","items":[{"productId":"p","quantity":1}]}""")]
    [InlineData("items", """{"orderId":"o-1","customerId":"c","items":null}""")]
    [InlineData("items", """{"orderId":"o-1","customerId":"c","items":[]}""")]
    [InlineData("items[0].quantity", """{"orderId":"o-1","customerId":"c","items":[{"productId":"p"}]}""")]
    [InlineData("items[0].quantity", """{"orderId":"o-1","customerId":"c","items":[{"productId":"p","quantity":null}]}""")]
    [InlineData("items[1].productId", """{"orderId":"o-1","customerId":"c","items":[{"productId":"p","quantity":1},{"quantity":1}]}""")]
    [InlineData("items[1].productId", """{"orderId":"o-1","customerId":"c","items":[{"productId":"p","quantity":1},{"productId":"","quantity":1}]}""")]
    [InlineData("address.city", """{"orderId":"o-1","customerId":"c","items":[{"productId":"p","quantity":1}],"address":{"street":"s","postalCode":"1","country":"DE"}}""")]
    [InlineData("address.city", """{"orderId":"o-1","customerId":"c","items":[{"productId":"p","quantity":1}],"address":{"street":"s","city":"","postalCode":"1","country":"DE"}}""")]
    public async Task A_missing_null_or_blank_required_field_is_a_400_naming_it_as_required(string field, string json)
    {
        var response = await ShipAsync(json);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var errors = (await response.ReadJsonAsync()).GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
        errors.Should().ContainKey(field).WhoseValue.Should().Equal($"'{field[(field.LastIndexOf('.') + 1)..]}' is required.");
        Factory.Hooks.Calls(SaveState).Should().Be(0);
    }

    [Fact]
    public async Task Unknown_members_are_skipped_so_a_newer_caller_still_ships()
    {
        var response = await ShipAsync(
            $$"""{"orderId":"o-new","customerId":"c","items":[{"productId":"p","quantity":1,"weight":2}],"address":{{Address}},"priority":"high"}""");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadAsync<ShipmentResult>()).Status.Should().Be(ShipmentStatus.Shipped);
        (await Factory.StoredAsync("o-new"))!.Status.Should().Be(ShipmentStatus.Shipped);
        Factory.Hooks.Calls(SaveState).Should().Be(1);
    }
}
