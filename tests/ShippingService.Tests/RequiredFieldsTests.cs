using System.Net;
using System.Text;
using System.Text.Json;
using Dapr.Client;
using OrderPlatform.Contracts.Shipping;
using OrderPlatform.ShippingService.Shipments;
using ShippingService.Tests.Infrastructure;

namespace ShippingService.Tests;

/// <summary>
/// No field of <c>POST /ship</c> is silently defaulted: a missing or null required field is a 400 naming it
/// ("... is required") and nothing is stored. Unknown members are skipped (the caller is order-service, maybe newer).
/// </summary>
public sealed class RequiredFieldsTests : IDisposable
{
    private const string Address = """{"street":"Unter den Linden 1","city":"Berlin","postalCode":"10117","country":"DE"}""";
    private readonly ShippingApiFactory factory = new();

    public void Dispose() => factory.Dispose();

    private Task<HttpResponseMessage> ShipAsync(string json) =>
        factory.CreateClient().PostAsync("/ship", new StringContent(json, Encoding.UTF8, "application/json"));

    [Theory]
    [InlineData("orderId", """{"customerId":"c","items":[{"productId":"p","quantity":1}]}""")]
    [InlineData("orderId", """{"orderId":null,"customerId":"c","items":[{"productId":"p","quantity":1}]}""")]
    [InlineData("customerId", """{"orderId":"o-1","items":[{"productId":"p","quantity":1}]}""")]
    [InlineData("items", """{"orderId":"o-1","customerId":"c","items":null}""")]
    [InlineData("items[0].quantity", """{"orderId":"o-1","customerId":"c","items":[{"productId":"p"}]}""")]
    [InlineData("items[0].quantity", """{"orderId":"o-1","customerId":"c","items":[{"productId":"p","quantity":null}]}""")]
    [InlineData("items[1].productId", """{"orderId":"o-1","customerId":"c","items":[{"productId":"p","quantity":1},{"quantity":1}]}""")]
    [InlineData("address.city", """{"orderId":"o-1","customerId":"c","items":[{"productId":"p","quantity":1}],"address":{"street":"s","postalCode":"1","country":"DE"}}""")]
    public async Task A_missing_or_null_required_field_is_a_400_naming_it_as_required(string field, string json)
    {
        var response = await ShipAsync(json);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var errors = (await response.ReadJsonAsync()).GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
        errors.Should().ContainKey(field).WhoseValue.Should().Equal($"'{field[(field.LastIndexOf('.') + 1)..]}' is required.");
        factory.Store.Count.Should().Be(0);
        factory.Store.Dapr.Verify(d => d.TrySaveStateAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Shipment>(),
            It.IsAny<string>(), It.IsAny<StateOptions>(), It.IsAny<IReadOnlyDictionary<string, string>>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Unknown_members_are_skipped_so_a_newer_caller_still_ships()
    {
        var response = await ShipAsync(
            $$"""{"orderId":"o-new","customerId":"c","items":[{"productId":"p","quantity":1,"weight":2}],"address":{{Address}},"priority":"high"}""");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadAsync<ShipmentResult>()).Status.Should().Be(ShipmentStatus.Shipped);
        factory.Store.Count.Should().Be(1);
    }
}
