using System.Net;
using System.Net.Http.Json;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.OrderService.Tests.Support;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.OrderService.Tests.Api;

/// <summary>
/// Restocking: operators read and set a product's stock through order-service (<c>/api/products/{productId}/stock</c>),
/// which relays to inventory-service through Dapr invocation (inventory's own stock routes answer only order-service).
/// </summary>
public sealed class ProductStockTests(OrderApiFactory api) : OrderApiTests(api)
{
    private const string Path = "/api/products/SKU-9/stock";

    [Fact]
    public async Task An_operator_sets_the_stock_and_price_in_inventory_through_dapr_invocation()
    {
        using var operatorClient = Api.OperatorClient();

        var response = await operatorClient.PutAsJsonAsync(Path, new { available = 250, price = 19.99m, name = "Trail running shoes" }, JsonDefaults.Options);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadAsync<StockLevel>()).Should().Be(new StockLevel("SKU-9", 250, 0));
        Api.Inventory.Stock["SKU-9"].Should().Be(new StockLevel("SKU-9", 250, 0));
        Api.Inventory.Prices["SKU-9"].Should().Be(19.99m);
        var call = Api.Inventory.StockCalls.Should().ContainSingle().Subject;
        call.Method.Should().Be(HttpMethod.Put);
        call.Uri.AbsolutePath.Should().EndWith("/v1.0/invoke/inventory-service/method/api/inventory/SKU-9");
        call.Body.Should().Be(new SetStockRequest(250, 19.99m, "Trail running shoes"));
    }

    [Fact]
    public async Task An_operator_reads_the_stock_from_inventory()
    {
        Api.Inventory.Stock["SKU-9"] = new StockLevel("SKU-9", 7, 2);
        using var operatorClient = Api.OperatorClient();

        var level = await (await operatorClient.GetAsync(new Uri(Path, UriKind.Relative))).ReadAsync<StockLevel>();
        var unknown = await operatorClient.GetAsync(new Uri("/api/products/NOPE/stock", UriKind.Relative));

        level.Should().Be(new StockLevel("SKU-9", 7, 2));
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await unknown.ProblemAsync()).Should().Be((404, "Unknown product", "No stock is kept for product 'NOPE'."));
    }

    [Fact]
    public async Task A_customer_is_403_and_an_anonymous_caller_401_and_inventory_is_not_called()
    {
        using var anonymous = Api.ClientWith(null);

        (await Client.PutAsJsonAsync(Path, new { available = 5 }, JsonDefaults.Options)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Client.GetAsync(new Uri(Path, UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await anonymous.PutAsJsonAsync(Path, new { available = 5 }, JsonDefaults.Options)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync(new Uri(Path, UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        Api.Inventory.StockCalls.Should().BeEmpty();
        Api.Inventory.Stock.Should().BeEmpty();
    }

    [Theory]
    [InlineData(Path, """{"available":-1}""", "available")]
    [InlineData(Path, """{"available":1000001}""", "available")]
    [InlineData(Path, """{}""", "available")]
    [InlineData(Path, """{"available":5,"price":0}""", "price")]
    [InlineData(Path, """{"available":5,"price":1.234}""", "price")]
    [InlineData(Path, """{"available":5,"name":""}""", "name")]
    [InlineData(Path, """{"quantity":5}""", "quantity")]
    [InlineData("/api/products/bad%7C%7Cid/stock", """{"available":5}""", "productId")]
    public async Task A_bad_body_or_product_id_is_a_400_naming_the_field_and_inventory_is_not_called(string path, string json, string field)
    {
        using var operatorClient = Api.OperatorClient();

        var response = await operatorClient.PutAsync(new Uri(path, UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ErrorKeysAsync()).Should().Contain(field);
        Api.Inventory.StockCalls.Should().BeEmpty();
    }

    [Fact]
    public async Task Inventorys_own_refusal_comes_back_as_a_400_naming_its_field()
    {
        using var operatorClient = Api.OperatorClient();

        var response = await operatorClient.PutAsJsonAsync(Path, new { available = 5, name = "No price yet" }, JsonDefaults.Options);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ErrorKeysAsync()).Should().Equal("price");
        Api.Inventory.Stock.Should().BeEmpty();
    }

    [Fact]
    public async Task An_inventory_that_cannot_answer_is_a_503_with_retry_after()
    {
        Api.Inventory.FailWith = HttpStatusCode.InternalServerError;
        using var operatorClient = Api.OperatorClient();

        var response = await operatorClient.PutAsJsonAsync(Path, new { available = 5 }, JsonDefaults.Options);

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.Should().NotBeNull();
        (await response.ProblemAsync()).Should().Be((503, "Catalogue unavailable",
            "inventory-service could not be reached; the stock may not be set. Send the same request again later."));
    }

    [Fact]
    public async Task Reading_the_stock_of_an_inventory_that_cannot_be_reached_is_a_503_with_retry_after()
    {
        Api.Inventory.Unreachable = true;
        using var operatorClient = Api.OperatorClient();

        var response = await operatorClient.GetAsync(new Uri(Path, UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.Should().NotBeNull();
        (await response.ProblemAsync()).Should().Be((503, "Catalogue unavailable", "inventory-service could not be reached. Retry later."));
    }
}
