using System.Net;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.OrderService.Tests.Support;

namespace OrderPlatform.OrderService.Tests.Api;

/// <summary>GET /api/products: the public catalogue, relayed from inventory-service's <c>products</c> method.</summary>
public sealed class ProductsApiTests(OrderApiFactory api) : OrderApiTests(api)
{
    [Fact]
    public async Task A_page_of_the_catalogue_is_relayed_from_inventory_through_dapr_invocation()
    {
        Api.Inventory.CataloguePage = new([new CatalogueProduct("SKU-001", "Trail running shoes", 19.99m)], "1");

        var response = await Client.GetAsync(new Uri("/api/products?pageSize=1&token=0", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await response.ReadJsonAsync();
        page.GetProperty("items")[0].GetProperty("unitPrice").GetDecimal().Should().Be(19.99m);
        page.GetProperty("continuationToken").GetString().Should().Be("1");
        var uri = Api.Inventory.Listings.Should().ContainSingle().Subject;
        uri.AbsolutePath.Should().EndWith("/v1.0/invoke/inventory-service/method/products");
        uri.Query.Should().Be("?pageSize=1&token=0");
    }

    [Fact]
    public async Task Without_parameters_the_default_page_size_is_asked_for()
    {
        await Client.GetAsync(new Uri("/api/products", UriKind.Relative));

        Api.Inventory.Listings.Should().ContainSingle().Which.Query.Should().Be("?pageSize=20");
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=x", "pageSize")]
    [InlineData("pageSize=1.5", "pageSize")]
    [InlineData("token=abc", "token")]
    [InlineData("token=-1", "token")]
    public async Task A_bad_parameter_is_a_400_naming_it_and_inventory_is_not_asked(string query, string parameter)
    {
        var response = await Client.GetAsync(new Uri($"/api/products?{query}", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.ErrorKeysAsync()).Should().Equal(parameter);
        Api.Inventory.Listings.Should().BeEmpty();
    }

    [Fact]
    public async Task An_inventory_that_cannot_answer_is_a_503_with_retry_after()
    {
        Api.Inventory.FailWith = HttpStatusCode.InternalServerError;

        var response = await Client.GetAsync(new Uri("/api/products", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.Should().NotBeNull();
        (await response.ProblemAsync()).Should().Be((503, "Catalogue unavailable", "The product catalogue could not be reached. Retry later."));
    }
}
