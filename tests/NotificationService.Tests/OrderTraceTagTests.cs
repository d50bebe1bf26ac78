using System.Collections.Concurrent;
using System.Diagnostics;
using OrderPlatform.Contracts.Events;
using OrderPlatform.NotificationService.Tests.Support;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.NotificationService.Tests;

public sealed class OrderTraceTagTests : NotificationServiceTest
{
    [Fact]
    public async Task A_delivered_order_event_tags_its_request_span_with_the_order_id()
    {
        // Pub/sub carries no baggage: the handler tags the span itself, so the order's trace includes the notification.
        var started = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = started.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var client = Factory.CreateClient();

        var response = await client.DeliverAsync(DaprDelivery.Event(OrderEventTypes.Paid, orderId: "o-traced"));

        // The tag is set while the request is handled, before its answer is written: it is there once the answer is read.
        (await response.TopicStatusAsync()).Should().Be("SUCCESS");
        started.Should().Contain(a => (a.GetTagItem(OrderTrace.OrderIdTag) as string) == "o-traced");
    }
}
