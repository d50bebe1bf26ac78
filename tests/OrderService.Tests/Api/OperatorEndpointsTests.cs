using System.Net;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Tests.Support;

namespace OrderPlatform.OrderService.Tests.Api;

/// <summary>The operator endpoints as the API answers them (the handler's work: OrderRepairsTests).</summary>
public sealed class OperatorEndpointsTests(OrderApiFactory api) : OrderApiTests(api)
{
    [Fact]
    public async Task An_unknown_order_is_a_404_problem()
    {
        var response = await Api.OperatorClient().PostAsync(new Uri("/api/orders/ord-nope/compensate", UriKind.Relative), null);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task An_order_that_has_not_failed_is_a_409_problem_and_stays_as_it_was()
    {
        await State.PutAsync("ord-live", TestOrders.Stored("ord-live", OrderStatus.Paid));
        Hooks.ClearRecords();

        var response = await Api.OperatorClient().PostAsync(new Uri("/api/orders/ord-live/compensate", UriKind.Relative), null);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.ReadJsonAsync()).GetProperty("detail").GetString().Should().Contain("Paid");
        Hooks.Saves.Should().BeEmpty();
    }

    [Fact]
    public async Task Committing_the_stock_of_an_order_that_has_not_shipped_is_a_409_problem()
    {
        await State.PutAsync("ord-pending", TestOrders.Stored("ord-pending"));

        var response = await Api.OperatorClient().PostAsync(new Uri("/api/orders/ord-pending/commit-stock", UriKind.Relative), null);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.ReadJsonAsync()).GetProperty("detail").GetString().Should().Contain("Shipped or Completed");
    }
}
