using System.Net;
using OrderPlatform.OrderService.Tests.Support;

namespace OrderPlatform.OrderService.Tests.Api;

/// <summary>Each refusal of order intake and lookup as the caller reads it: status, title and detail, word for word.</summary>
public sealed class ProblemTextTests(OrderApiFactory api) : OrderApiTests(api)
{
    [Fact]
    public async Task An_order_that_does_not_exist_is_a_404_naming_it()
    {
        var response = await Client.GetAsync(new Uri("/api/orders/ord-nowhere", UriKind.Relative));

        await ShouldBeProblem(response, 404, "Order not found", "Order 'ord-nowhere' does not exist.");
    }

    [Fact]
    public async Task An_order_for_another_customer_is_a_403()
    {
        var response = await Client.PostJsonAsync("/api/orders", TestOrders.Request("ord-pt-other", customerId: "cust-other"));

        await ShouldBeProblem(response, 403, "Forbidden",
            "customerId must be the signed-in caller's own id (or be left out): orders are created for the caller only.");
    }

    [Fact]
    public async Task The_same_order_sent_twice_without_a_key_is_a_409_the_second_time_and_reads_before_nothing()
    {
        (await Client.PostJsonAsync("/api/orders", TestOrders.Request("ord-pt-twice"))).StatusCode.Should().Be(HttpStatusCode.Accepted);
        Hooks.Calls("GetState").Should().Be(0, "a new order is inserted first-write-wins, not read first");

        var again = await Client.PostJsonAsync("/api/orders", TestOrders.Request("ord-pt-twice"));

        // Without a key the same body is not a replay: only an Idempotency-Key makes a repeat safe.
        await ShouldBeProblem(again, 409, "Conflict", "An order with id 'ord-pt-twice' already exists.");
        Hooks.Deletes.Should().BeEmpty("no key was claimed, so none is given back");
    }

    [Fact]
    public async Task A_key_sent_again_with_another_body_is_a_409()
    {
        await Client.PostJsonAsync("/api/orders", TestOrders.Request("ord-pt-key"), "key-pt-1");

        var response = await Client.PostJsonAsync("/api/orders", TestOrders.Request("ord-pt-key", quantity: 3), "key-pt-1");

        await ShouldBeProblem(response, 409, "Conflict", "This Idempotency-Key was already used with a different request body.");
    }

    [Fact]
    public async Task An_unknown_product_is_a_422_saying_nothing_was_stored()
    {
        Api.Inventory.MarkUnknown("sku-1");

        var response = await Client.PostJsonAsync("/api/orders", TestOrders.Request("ord-pt-unknown"));

        await ShouldBeProblem(response, 422, "Unknown product", "The order names products that do not exist; nothing was stored.");
    }

    private static async Task ShouldBeProblem(HttpResponseMessage response, int status, string title, string detail)
    {
        response.StatusCode.Should().Be((HttpStatusCode)status);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.ReadJsonAsync();
        problem.GetProperty("status").GetInt32().Should().Be(status);
        problem.GetProperty("title").GetString().Should().Be(title);
        problem.GetProperty("detail").GetString().Should().Be(detail);
    }
}
