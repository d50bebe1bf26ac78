using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using OrderPlatform.OrderService.Tests.Support;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.OrderService.Tests.Api;

/// <summary>
/// Reading an order and signalling it tag the request span with the order id, so those requests are found in the order's
/// trace; a signal arrives in a trace of its own and is linked to the trace that created the order.
/// </summary>
public sealed class OrderTraceTests(OrderApiFactory api) : OrderApiTests(api)
{
    private const string CreatedIn = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    [Fact]
    public async Task Reading_an_order_tags_its_request_span_with_the_order_id()
    {
        await State.PutAsync("ord-trace-get", TestOrders.Stored("ord-trace-get"));
        using var spans = new RequestSpans();

        (await Client.GetAsync(new Uri("/api/orders/ord-trace-get", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);

        spans.Tagged("ord-trace-get").Should().ContainSingle();
    }

    [Fact]
    public async Task A_cancel_is_tagged_with_the_order_id_and_linked_to_the_trace_that_created_the_order()
    {
        await State.PutAsync("ord-trace-cancel", TestOrders.Stored("ord-trace-cancel") with { TraceParent = CreatedIn });
        using var spans = new RequestSpans();

        (await Client.PostJsonAsync("/api/orders/ord-trace-cancel/cancel", new { })).StatusCode.Should().Be(HttpStatusCode.Accepted);

        spans.Tagged("ord-trace-cancel").Should().ContainSingle()
            .Which.Links.Select(l => l.Context.TraceId.ToHexString()).Should().Equal("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    /// <summary>ASP.NET Core's request spans started while it listens (other tests' too: callers pick by order id).</summary>
    private sealed class RequestSpans : IDisposable
    {
        private readonly ConcurrentBag<Activity> started = [];
        private readonly ActivityListener listener;

        public RequestSpans()
        {
            listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStarted = started.Add,
            };
            ActivitySource.AddActivityListener(listener);
        }

        /// <summary>
        /// The test's request span (a root: the test client sends no trace context; the sidecar calls below it are its
        /// children) when tagged with <paramref name="orderId"/>. The tag is set while the request is handled, before its
        /// answer is written: it is there once the answer is read.
        /// </summary>
        public List<Activity> Tagged(string orderId) =>
            [.. started.Where(a => a.ParentSpanId == default && (a.GetTagItem(OrderTrace.OrderIdTag) as string) == orderId)];

        public void Dispose() => listener.Dispose();
    }
}
