using System.Net;
using System.Text;
using System.Text.Json;
using Dapr.Client;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.Contracts.Shipping;
using OrderPlatform.ShippingService.Shipments;
using ShippingService.Tests.Infrastructure;

namespace ShippingService.Tests;

public sealed class ValidationTests : IDisposable
{
    private readonly ShippingApiFactory factory = new();

    public void Dispose() => factory.Dispose();

    public static TheoryData<ShipmentRequest, string> InvalidRequests() => new()
    {
        { Requests.Ship("", Requests.Berlin), "orderId" },
        { Requests.Ship("o-1", Requests.Berlin) with { CustomerId = " " }, "customerId" },
        { Requests.Ship("o-1", Requests.Berlin) with { Items = [] }, "items" },
        { Requests.Ship("o-1", Requests.Berlin) with { Items = [new StockLine("sku-1", 1), new StockLine("sku-2", 0)] }, "items[1].quantity" },
        { Requests.Ship("o-1", Requests.Berlin) with { Items = [new StockLine("", 1)] }, "items[0].productId" },
        { Requests.Ship("o-1", Requests.Berlin with { Country = "" }), "address.country" },
        { Requests.Ship("o-1", Requests.Berlin with { PostalCode = "" }), "address.postalCode" },
        { Requests.Ship("o-1", Requests.Berlin with { City = "" }), "address.city" },
        { Requests.Ship("o-1", Requests.Berlin with { Street = "" }), "address.street" },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task Invalid_request_is_a_400_naming_the_field_and_stores_nothing(ShipmentRequest request, string field)
    {
        var response = await factory.CreateClient().PostJsonAsync("/ship", request);

        await ShouldBeValidationProblem(response, field);
    }

    [Theory]
    [InlineData("""{"orderId":"o-1","customerId":"c","items":[{"productId":"p","quantity":"two"}]}""", "items[0].quantity")]
    [InlineData("""{"orderId":"o-1","customerId":"c","items":[{"productId":"p","quantity":1}],"address":{"street":1}}""", "address.street")]
    [InlineData("""{"orderId":"o-1","customerId":"c"}""", "items")]
    [InlineData("null", "body")]
    public async Task Unreadable_json_is_a_400_naming_the_field(string body, string field)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await factory.CreateClient().PostAsync("/ship", content);

        await ShouldBeValidationProblem(response, field);
    }

    private async Task ShouldBeValidationProblem(HttpResponseMessage response, string field)
    {
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.ReadJsonAsync();
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().Contain(field);
        factory.Store.Count.Should().Be(0);
        factory.Store.Dapr.Verify(d => d.TrySaveStateAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Shipment>(),
            It.IsAny<string>(), It.IsAny<StateOptions>(), It.IsAny<IReadOnlyDictionary<string, string>>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
