using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.EndToEnd.Tests.Infrastructure;

namespace OrderPlatform.EndToEnd.Tests.Scenarios;

/// <summary>Malformed or hostile input gets a 4xx ProblemDetails and stores nothing.</summary>
[Collection(PlatformCollection.Name)]
[Trait("Category", "EndToEnd")]
[Trait("Category", "Smoke")]
public sealed class InputValidationTests(PlatformFixture platform)
{
    private OrderApi Orders => platform.Clients.Orders;

    [Fact]
    public async Task Bad_json_is_a_problem()
    {
        var orderId = OrderApi.Unique("ord");
        using var response = await PostRawAsync($"{{\"orderId\":\"{orderId}\",\"items\":[{{\"productId\":");

        await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest);
        await ShouldNotExistAsync(orderId);
    }

    [Theory]
    [InlineData(-1, "quantity")]
    [InlineData(0, "quantity")]
    [InlineData(1_000_000_000, "quantity")]
    public async Task Out_of_range_quantities_are_problems_naming_the_field(int quantity, string field)
    {
        var order = OrderApi.NewOrder("SKU-001", quantity: quantity, orderId: OrderApi.Unique("ord"));

        using var response = await Orders.PostAsync(order);

        var problem = await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name)
            .Should().Contain(name => name.EndsWith(field, StringComparison.OrdinalIgnoreCase));
        await ShouldNotExistAsync(order.OrderId!);
    }

    [Fact]
    public async Task A_one_megabyte_body_is_refused()
    {
        var orderId = OrderApi.Unique("ord");
        var padding = new string('x', 1024 * 1024);
        // Expect: 100-continue, as a well-behaved client sends a large body: order-service answers 413 before reading it,
        // so the body is never sent (without it the early answer and close can break the client's write: a broken pipe).
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = new StringContent(
                $"{{\"orderId\":\"{orderId}\",\"items\":[{{\"productId\":\"{padding}\",\"quantity\":1,\"unitPrice\":1}}]}}",
                Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true;
        using var response = await Orders.Http.SendAsync(request);

        // Above order-service's 64 KB body limit (RequestLimits:MaxBodyBytes): refused before the body is read.
        var problem = await ShouldBeProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        problem.GetProperty("status").GetInt32().Should().Be(413);
        await ShouldNotExistAsync(orderId);
    }

    [Fact]
    public async Task An_unknown_product_is_a_problem_naming_the_product()
    {
        var order = OrderApi.NewOrder(OrderApi.Unique("NO-SUCH-SKU"), orderId: OrderApi.Unique("ord"));

        using var response = await Orders.PostAsync(order);

        var problem = await ShouldBeProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name)
            .Should().Contain(name => name.EndsWith("productId", StringComparison.OrdinalIgnoreCase));
        await ShouldNotExistAsync(order.OrderId!);
    }

    private async Task<HttpResponseMessage> PostRawAsync(string json) =>
        await Orders.Http.PostAsync("/api/orders", new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<JsonElement> ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.Should().Be(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Nothing was stored: the order id the refused request named is unknown to its own caller.</summary>
    private async Task ShouldNotExistAsync(string orderId)
    {
        (await Orders.GetAsync(orderId)).Should().BeNull();
    }
}
