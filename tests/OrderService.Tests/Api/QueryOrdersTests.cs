using System.Net;
using System.Text.Json.Nodes;
using Dapr.Client;
using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Storage;
using OrderService.Tests.Support;

namespace OrderService.Tests.Api;

public sealed class QueryOrdersTests(OrderApiFactory api) : OrderApiTests(api)
{
    private readonly List<string> queries = [];

    private void Returns(string? token, params StoredOrder[] orders) =>
        Api.Dapr.Setup(d => d.QueryStateAsync<StoredOrder>(Components.OrdersStore, It.IsAny<string>(), It.IsAny<IReadOnlyDictionary<string, string>>(), It.IsAny<CancellationToken>()))
            .Callback((string _, string query, IReadOnlyDictionary<string, string> _, CancellationToken _) => queries.Add(query))
            .ReturnsAsync(new StateQueryResponse<StoredOrder>([.. orders.Select(o => new StateQueryItem<StoredOrder>(o.OrderId, o, "1", string.Empty))], token!, new Dictionary<string, string>()));

    [Fact]
    public async Task Filters_on_customer_and_status_sorts_newest_first_and_pages()
    {
        Returns("next-page", TestOrders.Stored("ord-2", OrderStatus.Paid), TestOrders.Stored("ord-1", OrderStatus.Paid));

        var response = await Client.GetAsync(new Uri("/api/orders?customerId=cust-1&status=Paid&pageSize=5&token=tok-1", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        JsonNode.DeepEquals(JsonNode.Parse(queries.Single()), JsonNode.Parse("""
            {
              "filter": { "AND": [ { "EQ": { "kind": "order" } }, { "EQ": { "customerId": "cust-1" } }, { "EQ": { "status": "paid" } } ] },
              "sort": [ { "key": "createdAt", "order": "DESC" } ],
              "page": { "limit": 5, "token": "tok-1" }
            }
            """)).Should().BeTrue(queries.Single());
        var body = await response.JsonAsync();
        body.GetProperty("continuationToken").GetString().Should().Be("next-page");
        body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("orderId").GetString()).Should().Equal("ord-2", "ord-1");
        body.GetProperty("items")[0].TryGetProperty("workflow", out _).Should().BeFalse();
    }

    [Fact]
    public async Task Without_parameters_only_order_documents_are_asked_for_with_the_default_page()
    {
        Returns(null);

        var response = await Client.GetAsync(new Uri("/api/orders", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var query = JsonNode.Parse(queries.Single())!;
        JsonNode.DeepEquals(query["filter"], JsonNode.Parse("""{ "EQ": { "kind": "order" } }""")).Should().BeTrue();
        query["page"]!.ToJsonString().Should().Be("""{"limit":20}""");
        (await response.JsonAsync()).TryGetProperty("continuationToken", out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=ten", "pageSize")]
    [InlineData("status=lost", "status")]
    [InlineData("status=3", "status")]
    [InlineData("customerId=a%20b", "customerId")]
    public async Task Invalid_parameters_are_a_400_naming_them(string queryString, string field)
    {
        Returns(null);

        var response = await Client.GetAsync(new Uri("/api/orders?" + queryString, UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ErrorKeysAsync()).Should().Equal(field);
        queries.Should().BeEmpty();
    }
}
