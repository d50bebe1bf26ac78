using System.Net;
using System.Text.Json;
using Dapr.Workflow;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Storage;
using OrderPlatform.OrderService.Tests.Support;

namespace OrderPlatform.OrderService.Tests.Api;

/// <summary>
/// <c>GET /api/orders/attention</c>: each open order that needs an operator, or that the reconciler is about to move,
/// with why. Its own host and sidecar (a class fixture), so the list holds only the orders arranged here.
/// </summary>
public sealed class AttentionTests : IClassFixture<OrderApiFactory>
{
    private static readonly DateTimeOffset Now = TestOrders.Now;
    private readonly OrderApiFactory api;

    public AttentionTests(OrderApiFactory api)
    {
        this.api = api;
        api.Reset();
    }

    [Fact]
    public async Task Lists_each_order_needing_an_operator_with_why_per_status_oldest_first()
    {
        await PutAsync(Order("att-start", OrderStatus.Pending, TimeSpan.FromHours(1)) with { WorkflowInput = TestOrders.WorkflowInput() with { OrderId = "att-start" } });
        await PutAsync(Order("att-expired", OrderStatus.Reserved, TimeSpan.FromDays(3)));
        await PutAsync(Order("att-suspended", OrderStatus.Paid, TimeSpan.FromMinutes(5)));
        await PutAsync(Order("att-moving", OrderStatus.Paid, TimeSpan.FromMinutes(5)));
        var held = Order("att-held", OrderStatus.OnHold, TimeSpan.FromMinutes(20));
        await PutAsync(held with { History = [.. held.History, new OrderStatusChange(OrderStatus.OnHold, Now, "charge payment: payment-service unavailable")] });
        var heldBare = Order("att-held-bare", OrderStatus.OnHold, TimeSpan.FromMinutes(10));
        await PutAsync(heldBare with { History = [.. heldBare.History, new OrderStatusChange(OrderStatus.OnHold, Now, null)] });
        WorkflowIs("att-suspended", WorkflowRuntimeStatus.Suspended);
        WorkflowIs("att-moving", WorkflowRuntimeStatus.Running);
        WorkflowIs("att-held", WorkflowRuntimeStatus.Running);
        WorkflowIs("att-held-bare", WorkflowRuntimeStatus.Running);

        var response = await api.OperatorClient().GetAsync(new Uri("/api/orders/attention", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var items = (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray()
            .Select(i => (Id: Text(i.GetProperty("order"), "orderId"), Workflow: Text(i.GetProperty("order").GetProperty("workflow"), "runtimeStatus"), Reason: Text(i, "reason")))
            .ToList();
        items.Should().Equal(
            ("att-start", "unknown", "no workflow instance yet: the reconciler starts it from the saved input"),
            ("att-expired", "unknown", "no workflow moves it and its reservation expired: the reconciler refunds, releases and fails it"),
            ("att-suspended", "suspended", "workflow suspended: the reconciler resumes it"),
            ("att-held", "running", "charge payment: payment-service unavailable"),
            ("att-held-bare", "running", "on hold"));
    }

    private static string? Text(JsonElement owner, string name) => owner.GetProperty(name).GetString();

    // Read without inputs and outputs, as the endpoint asks for it.
    private void WorkflowIs(string orderId, WorkflowRuntimeStatus status) =>
        api.Workflows.Setup(w => w.GetWorkflowStateAsync(orderId, false, It.IsAny<CancellationToken>()))
            .ReturnsAsync(WorkflowStates.Create(orderId, status, Now.UtcDateTime, Now.UtcDateTime));

    private static StoredOrder Order(string orderId, OrderStatus status, TimeSpan age) =>
        TestOrders.Stored(orderId, status) with { CreatedAt = Now - age, UpdatedAt = Now };

    private Task PutAsync(StoredOrder order) => api.State.PutAsync(order.OrderId, order);
}
