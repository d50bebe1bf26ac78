using System.Net;
using System.Text;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.Contracts.Shipping;
using OrderPlatform.ShippingService.Tests.Support;

namespace OrderPlatform.ShippingService.Tests;

public sealed class ValidationTests : ShippingTest
{
    public static TheoryData<ShipmentRequest, string> InvalidRequests() => new()
    {
        { Requests.Ship("", Requests.Berlin), "orderId" },
        { Requests.Ship("o/1", Requests.Berlin), "orderId" },
        { Requests.Ship(new string('o', 101), Requests.Berlin), "orderId" },
        { Requests.Ship("o-1", Requests.Berlin) with { CustomerId = " " }, "customerId" },
        { Requests.Ship("o-1", Requests.Berlin) with { CustomerId = "c 1" }, "customerId" },
        { Requests.Ship("o-1", Requests.Berlin) with { Items = [] }, "items" },
        { Requests.Ship("o-1", Requests.Berlin) with { Items = [new StockLine("sku-1", 1), new StockLine("sku-2", 0)] }, "items[1].quantity" },
        { Requests.Ship("o-1", Requests.Berlin) with { Items = [new StockLine("", 1)] }, "items[0].productId" },
        { Requests.Ship("o-1", Requests.Berlin) with { Items = [new StockLine("sku 1", 1)] }, "items[0].productId" },
        { Requests.Ship("o-1", Requests.Berlin with { Country = "" }), "address.country" },
        { Requests.Ship("o-1", Requests.Berlin with { PostalCode = "" }), "address.postalCode" },
        { Requests.Ship("o-1", Requests.Berlin with { City = "" }), "address.city" },
        { Requests.Ship("o-1", Requests.Berlin with { Street = "" }), "address.street" },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task Invalid_request_is_a_400_naming_the_field_and_stores_nothing(ShipmentRequest request, string field)
    {
        var response = await Factory.CreateClient().PostJsonAsync("/ship", request);

        await ShouldBeValidationProblem(response, field);
    }

    [Theory]
    [InlineData("""{"orderId":"o-1","customerId":"c","items":[{"productId":"p","quantity":"two"}]}""", "items[0].quantity")]
    [InlineData("""{"orderId":"o-1","customerId":"c","items":[{"productId":"p","quantity":1}],"address":{"street":1}}""", "address.street")]
    [InlineData("""{"orderId":"o-1","customerId":"c"}""", "items")]
    [InlineData("""{"orderId":"o-1","customerId":"c","items":[null]}""", "items[0]")]
    [InlineData("null", "body")]
    [InlineData("""{"orderId":"o-1",""", "body")]
    public async Task Unreadable_json_is_a_400_naming_the_field(string body, string field)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await Factory.CreateClient().PostAsync("/ship", content);

        await ShouldBeValidationProblem(response, field);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415_problem_and_stores_nothing()
    {
        using var content = new StringContent("""{"orderId":"o-1"}""", Encoding.UTF8, "text/plain");

        var response = await Factory.CreateClient().PostAsync("/ship", content);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        Factory.Hooks.Calls(SaveState).Should().Be(0);
    }

    private async Task ShouldBeValidationProblem(HttpResponseMessage response, string field)
    {
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.ReadJsonAsync();
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().Contain(field);
        Factory.Hooks.Calls(GetState).Should().Be(0, "a refused request never reaches the store");
        Factory.Hooks.Calls(SaveState).Should().Be(0);
    }
}
