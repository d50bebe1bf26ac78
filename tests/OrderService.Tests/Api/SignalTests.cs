using System.Net;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Workflow;
using OrderPlatform.OrderService.Tests.Support;

namespace OrderPlatform.OrderService.Tests.Api;

public sealed class SignalTests(OrderApiFactory api) : OrderApiTests(api)
{
    [Theory]
    [InlineData(OrderStatus.Pending)]
    [InlineData(OrderStatus.AwaitingApproval)]
    [InlineData(OrderStatus.Paid)]
    public async Task Cancel_of_a_cancellable_order_raises_CancelOrder_and_is_a_202(OrderStatus status)
    {
        await State.PutAsync("ord-300", TestOrders.Stored("ord-300", status));

        var response = await Client.PostJsonAsync("/api/orders/ord-300/cancel", new { reason = "changed my mind" });

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        response.Headers.Location!.ToString().Should().Be("/api/orders/ord-300");
        Api.Workflows.Verify(w => w.RaiseEventAsync("ord-300", OrderWorkflowEvents.CancelOrder, new CancelOrderSignal("changed my mind"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Cancel_without_a_body_uses_the_default_reason()
    {
        await State.PutAsync("ord-301", TestOrders.Stored("ord-301"));

        var response = await Client.PostAsync(new Uri("/api/orders/ord-301/cancel", UriKind.Relative), content: null);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        Api.Workflows.Verify(w => w.RaiseEventAsync("ord-301", OrderWorkflowEvents.CancelOrder, It.Is<CancelOrderSignal>(s => s.Reason.Length > 0), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData(OrderStatus.Shipped)]
    [InlineData(OrderStatus.Completed)]
    [InlineData(OrderStatus.Failed)]
    [InlineData(OrderStatus.Cancelled)]
    public async Task Cancel_once_shipped_or_finished_is_a_409(OrderStatus status)
    {
        await State.PutAsync("ord-302", TestOrders.Stored("ord-302", status));

        var response = await Client.PostJsonAsync("/api/orders/ord-302/cancel", new { });

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.ProblemAsync()).Should().Be((409, "Conflict", $"Order 'ord-302' is {status} and can no longer be cancelled."));
        Api.Workflows.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Cancel_of_an_unknown_order_is_a_404()
    {
        var response = await Client.PostJsonAsync("/api/orders/ghost/cancel", new { });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        Api.Workflows.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Approve_of_an_order_awaiting_approval_raises_ApprovalDecision_and_is_a_202()
    {
        await State.PutAsync("ord-310", TestOrders.Stored("ord-310", OrderStatus.AwaitingApproval));

        var response = await Api.OperatorClient("alice").PostJsonAsync("/api/orders/ord-310/approve", new { approved = false, reason = "fraud check" });

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        Api.Workflows.Verify(w => w.RaiseEventAsync("ord-310", OrderWorkflowEvents.ApprovalDecision, new ApprovalDecision(false, "alice", "fraud check"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Approve_of_an_order_not_awaiting_approval_is_a_409()
    {
        await State.PutAsync("ord-311", TestOrders.Stored("ord-311", OrderStatus.Reserved));

        var response = await Api.OperatorClient().PostJsonAsync("/api/orders/ord-311/approve", new { approved = true });

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.ProblemAsync()).Should().Be((409, "Conflict", "Order 'ord-311' is Reserved, not AwaitingApproval."));
        Api.Workflows.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Approve_of_an_unknown_order_is_a_404()
    {
        var response = await Api.OperatorClient().PostJsonAsync("/api/orders/ghost/approve", new { approved = true });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Approve_without_a_decision_is_a_400_naming_approved()
    {
        await State.PutAsync("ord-312", TestOrders.Stored("ord-312", OrderStatus.AwaitingApproval));

        var response = await Api.OperatorClient().PostJsonAsync("/api/orders/ord-312/approve", new { reason = "looks fine" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ErrorKeysAsync()).Should().Equal("approved");
        Api.Workflows.VerifyNoOtherCalls();
    }
}
