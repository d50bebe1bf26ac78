using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.EndToEnd.Tests.Infrastructure;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.EndToEnd.Tests.Tracing;

/// <summary>
/// What an operator finds for one order in the Aspire dashboard (or any OTLP backend): one trace from
/// <c>POST /api/orders</c> through the workflow and every step to notification-service, each span tagged with the order
/// id; the approval, a request of its own, links to that trace.
/// </summary>
[Collection(TracedPlatformCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class OrderTraceTests(TracedPlatformFixture platform)
{
    private static readonly string[] Services =
        [AppIds.OrderService, AppIds.InventoryService, AppIds.PaymentService, AppIds.ShippingService, AppIds.NotificationService];

    private static readonly string[] Steps =
        ["CheckStockStepActivity", "RecordOrderStatusActivity", "ReserveStockStepActivity", "ProcessPaymentStepActivity", "ShipOrderStepActivity", "CommitStockStepActivity"];

    private OrderApi Orders => platform.Clients.Orders;

    [LocalPlatformFact]
    public async Task One_order_is_one_trace_across_the_five_services_the_workflow_and_its_steps()
    {
        // Priced above the approval threshold: the order waits for an operator's approval (a signal of its own).
        var productId = await platform.Clients.Internal.NewProductAsync(available: 5, price: PlatformFixture.ApprovalThreshold + 1);
        var orderId = await Orders.CreateAsync(OrderApi.NewOrder(productId));
        await Orders.WaitForAsync(orderId, null, OrderStatus.AwaitingApproval);
        using (var approve = await platform.Clients.Operator.ApproveAsync(orderId, approved: true))
        {
            approve.EnsureSuccessStatusCode();
        }

        (await Orders.WaitForAsync(orderId)).Status.Should().Be(OrderStatus.Completed, platform.Diagnostics());

        var (trace, approval) = await WaitForTraceAsync(orderId);

        trace.Select(s => s.Service).Distinct().Should().BeEquivalentTo([.. Services, TracedPlatformFixture.SidecarService]);
        trace.Should().ContainSingle(s => s.Name == "create_orchestration||OrderWorkflow");
        var workflow = trace.Should().ContainSingle(s => s.Name == "orchestration||OrderWorkflow").Subject;
        workflow["durabletask.task.instance_id"].Should().Be(orderId);
        foreach (var step in Steps)
        {
            var sidecarSpans = trace.Where(s => s.Name == $"activity||{step}").ToList();
            sidecarSpans.Should().NotBeEmpty(step).And.OnlyContain(s => s.ParentSpanId == workflow.SpanId, step);
            trace.Where(s => s.Name == $"WorkflowActivity {step}").Should().NotBeEmpty(step)
                .And.OnlyContain(s => sidecarSpans.Any(p => p.SpanId == s.ParentSpanId), $"{step} runs under the sidecar's span");
        }

        trace.Where(s => Services.Contains(s.Service)).Should().OnlyContain(
            s => s[OrderTrace.OrderIdTag] == orderId, "every service span of the order carries its id");
        approval[OrderTrace.OrderIdTag].Should().Be(orderId);
        approval.LinkedTraceIds.Should().Contain(trace[0].TraceId, "the approval links to the order's trace");
    }

    /// <summary>
    /// The spans of the trace that <c>POST /api/orders</c> started, once every service and the ended workflow are in
    /// it, and the approval request's span.
    /// </summary>
    private async Task<(IReadOnlyList<ReceivedSpan> Trace, ReceivedSpan Approval)> WaitForTraceAsync(string orderId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var spans = platform.Receiver.Spans;
            var post = spans.FirstOrDefault(s => s.Service == AppIds.OrderService && s["url.path"] == "/api/orders"
                && s["http.request.method"] == "POST" && s[OrderTrace.OrderIdTag] == orderId);
            var approval = spans.FirstOrDefault(s => s.Service == AppIds.OrderService && s["url.path"] == $"/api/orders/{orderId}/approve");
            var trace = post is null ? [] : spans.Where(s => s.TraceId == post.TraceId).ToList();
            var complete = approval is not null && trace.Any(s => s.Name == "orchestration||OrderWorkflow")
                && Services.All(service => trace.Any(s => s.Service == service));
            if (complete || timeout.IsCancellationRequested)
            {
                post.Should().NotBeNull("order-service exports the POST /api/orders span");
                approval.Should().NotBeNull("order-service exports the approve span");
                return (trace, approval!);
            }

            await Task.Delay(200, CancellationToken.None);
        }
    }
}
