using System.Net;
using Dapr.Workflow;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Tests.Support;

namespace OrderPlatform.OrderService.Tests.Api;

public sealed class GetOrderTests(OrderApiFactory api) : OrderApiTests(api)
{
    [Fact]
    public async Task Get_returns_the_order_with_its_workflow_status()
    {
        var stored = TestOrders.Stored("ord-200", OrderStatus.Paid) with { PaymentId = "pay-7" };
        await State.PutAsync("ord-200", stored);
        var created = new DateTime(2026, 3, 14, 9, 30, 1, DateTimeKind.Utc);
        // Without inputs and outputs: the view shows none, and they can be large.
        Api.Workflows.Setup(w => w.GetWorkflowStateAsync("ord-200", false, It.IsAny<CancellationToken>()))
            .ReturnsAsync(WorkflowStates.Create("ord-200", WorkflowRuntimeStatus.Running, created, created.AddMinutes(2)));

        var response = await Client.GetAsync(new Uri("/api/orders/ord-200", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.ReadJsonAsync();
        body.GetProperty("orderId").GetString().Should().Be("ord-200");
        body.GetProperty("customerId").GetString().Should().Be("cust-1");
        body.GetProperty("status").GetString().Should().Be("paid");
        body.GetProperty("paymentId").GetString().Should().Be("pay-7");
        body.GetProperty("items").GetArrayLength().Should().Be(2);
        body.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("status").GetString()).Should().Equal("pending", "paid");
        var workflow = body.GetProperty("workflow");
        workflow.GetProperty("runtimeStatus").GetString().Should().Be("running");
        workflow.GetProperty("createdAt").GetDateTimeOffset().Should().Be(new DateTimeOffset(created));
        workflow.GetProperty("lastUpdatedAt").GetDateTimeOffset().Should().Be(new DateTimeOffset(created.AddMinutes(2)));
    }

    [Fact]
    public async Task Get_reports_an_unknown_workflow_when_the_instance_is_missing()
    {
        await State.PutAsync("ord-201", TestOrders.Stored("ord-201"));

        var body = await (await Client.GetAsync(new Uri("/api/orders/ord-201", UriKind.Relative))).ReadJsonAsync();

        body.GetProperty("workflow").GetProperty("runtimeStatus").GetString().Should().Be("unknown");
    }

    [Fact]
    public async Task Get_of_an_unknown_order_is_a_404_problem()
    {
        var response = await Client.GetAsync(new Uri("/api/orders/nope", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        Api.Workflows.Verify(w => w.GetWorkflowStateAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
