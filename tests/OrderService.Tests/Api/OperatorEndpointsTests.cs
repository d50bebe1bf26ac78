using System.Net;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Tests.Support;
using OrderPlatform.OrderService.Workflow;

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

    [Fact]
    public async Task An_order_on_hold_is_resumed_by_raising_ResumeOrder_and_is_a_202()
    {
        await State.PutAsync("ord-resume", TestOrders.Stored("ord-resume", OrderStatus.OnHold));

        var response = await Api.OperatorClient().PostAsync(new Uri("/api/orders/ord-resume/resume", UriKind.Relative), null);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        response.Headers.Location!.ToString().Should().Be("/api/orders/ord-resume");
        (await response.ReadJsonAsync()).GetProperty("status").GetString().Should().Be("onHold");
        Api.Workflows.Verify(w => w.RaiseEventAsync(
            "ord-resume", OrderWorkflowEvents.ResumeOrder, new ResumeOrderSignal(TestOrders.Now), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Resuming_an_order_that_is_not_on_hold_is_a_409_and_an_unknown_one_a_404_and_no_event_is_raised()
    {
        await State.PutAsync("ord-not-held", TestOrders.Stored("ord-not-held", OrderStatus.Paid));
        using var operatorClient = Api.OperatorClient();

        var notHeld = await operatorClient.PostAsync(new Uri("/api/orders/ord-not-held/resume", UriKind.Relative), null);
        var unknown = await operatorClient.PostAsync(new Uri("/api/orders/ord-never/resume", UriKind.Relative), null);

        (await notHeld.ProblemAsync()).Should().Be((409, "Conflict", "Order 'ord-not-held' is Paid; only an OnHold order can be resumed."));
        (await unknown.ProblemAsync()).Should().Be((404, "Order not found", "Order 'ord-never' does not exist."));
        Api.Workflows.VerifyNoOtherCalls();
    }
}
