using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using OrderPlatform.OrderService.Tests.Support;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.OrderService.Tests.Api;

/// <summary>A create request's span carries the order's id, and so do its calls to inventory-service (through baggage).</summary>
public sealed class IntakeTraceTests(OrderApiFactory api) : OrderApiTests(api), IDisposable
{
    private readonly ConcurrentBag<Activity> started = [];
    private ActivityListener? listener;

    public void Dispose() => listener?.Dispose();

    [Fact]
    public async Task Pricing_a_new_order_is_part_of_its_trace()
    {
        Listen();

        var response = await Client.PostJsonAsync("/api/orders", TestOrders.Request("ord-traced"));

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Accepted);
        Api.Inventory.CheckBaggage.Should().Equal(["ord-traced"], "the order id is set before pricing calls inventory-service");
    }

    [Fact]
    public async Task A_replay_without_an_order_id_is_tagged_with_the_replayed_orders_id()
    {
        var first = await Client.PostJsonAsync("/api/orders", TestOrders.Request(), "key-traced");
        var orderId = (await first.ReadJsonAsync()).GetProperty("orderId").GetString();
        Listen();

        // A parent span of its own (W3C traceparent), to find this request's span among the others (the in-process
        // sidecar's spans of the same trace, other tests' hosts).
        var traceId = ActivityTraceId.CreateRandom();
        var parentId = ActivitySpanId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(TestOrders.Request(), options: JsonDefaults.Options) };
        request.Headers.Add("Idempotency-Key", "key-traced");
        request.Headers.Add("traceparent", $"00-{traceId}-{parentId}-01");

        var replay = await Client.SendAsync(request);

        replay.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        started.Where(a => a.TraceId == traceId && a.ParentSpanId == parentId).Select(a => a.GetTagItem(OrderTrace.OrderIdTag))
            .Should().Equal([orderId], "the id chosen for a new order is replaced by the replayed one");
    }

    private void Listen()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = started.Add,
        };
        ActivitySource.AddActivityListener(listener);
    }
}
