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

        var (trace, approval) = await WaitForTraceAsync(orderId, "approve", trace => trace.Any(s => s.Name == "orchestration||OrderWorkflow")
            && Services.All(service => trace.Any(s => s.Service == service)) && Roots(trace).Count == 1);

        trace.Select(s => s.Service).Distinct().Should().BeEquivalentTo([.. Services, TracedPlatformFixture.SidecarService]);
        // One tree: every span's parent is in the trace but the request's (the dashboard lists a span whose parent is
        // missing at the root, apart from what it did, e.g. a service's gRPC calls to its sidecar).
        Roots(trace).Select(s => $"{s.Service}: {s.Name}").Should().ContainSingle().Which.Should().StartWith("order-service: POST /api/orders");
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

    [LocalPlatformFact]
    public async Task A_cancel_is_a_request_of_its_own_tagged_with_the_order_and_linked_to_its_trace()
    {
        var productId = await platform.Clients.Internal.NewProductAsync(available: 5, price: PlatformFixture.ApprovalThreshold + 1);
        var orderId = await Orders.CreateAsync(OrderApi.NewOrder(productId));
        await Orders.WaitForAsync(orderId, null, OrderStatus.AwaitingApproval);
        using (var cancel = await Orders.CancelAsync(orderId))
        {
            cancel.EnsureSuccessStatusCode();
        }

        (await Orders.WaitForAsync(orderId)).Status.Should().Be(OrderStatus.Cancelled, platform.Diagnostics());

        var (trace, cancelled) = await WaitForTraceAsync(orderId, "cancel", trace => trace.Any(s => s.Name == "orchestration||OrderWorkflow"));

        cancelled[OrderTrace.OrderIdTag].Should().Be(orderId);
        cancelled.TraceId.Should().NotBe(trace[0].TraceId, "a raised event carries no trace context: the cancel is a trace of its own");
        cancelled.LinkedTraceIds.Should().Contain(trace[0].TraceId, "the cancel links to the order's trace");
    }

    /// <summary>
    /// The spans of the trace that <c>POST /api/orders</c> started, once <paramref name="complete"/> holds for them, and
    /// the span of the order's <paramref name="signal"/> request (approve, cancel).
    /// </summary>
    private async Task<(IReadOnlyList<ReceivedSpan> Trace, ReceivedSpan Signal)> WaitForTraceAsync(
        string orderId, string signal, Func<IReadOnlyList<ReceivedSpan>, bool> complete)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var spans = platform.Receiver.Spans;
            var post = spans.FirstOrDefault(s => s.Service == AppIds.OrderService && s["url.path"] == "/api/orders"
                && s["http.request.method"] == "POST" && s[OrderTrace.OrderIdTag] == orderId);
            var signalled = spans.FirstOrDefault(s => s.Service == AppIds.OrderService && s["url.path"] == $"/api/orders/{orderId}/{signal}");
            var trace = post is null ? [] : spans.Where(s => s.TraceId == post.TraceId).ToList();
            if ((signalled is not null && complete(trace)) || timeout.IsCancellationRequested)
            {
                post.Should().NotBeNull("order-service exports the POST /api/orders span");
                signalled.Should().NotBeNull($"order-service exports the {signal} span");
                return (trace, signalled!);
            }

            await Task.Delay(200, CancellationToken.None);
        }
    }

    /// <summary>The spans whose parent is not in the trace (a parent's batch may still be on its way).</summary>
    private static List<ReceivedSpan> Roots(IReadOnlyList<ReceivedSpan> trace)
    {
        var ids = trace.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);
        return [.. trace.Where(s => !ids.Contains(s.ParentSpanId))];
    }
}
