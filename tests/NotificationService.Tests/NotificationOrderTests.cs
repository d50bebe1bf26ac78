using System.Text;
using System.Net.Http.Json;
using OrderPlatform.Contracts.Events;
using OrderPlatform.NotificationService.Notifications;
using OrderPlatform.NotificationService.Storage;
using OrderPlatform.NotificationService.Tests.Support;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.NotificationService.Tests;

/// <summary>Ties and gaps in what a notification carries: equal timestamps, an event without a time, an unknown type.</summary>
public sealed class NotificationOrderTests : NotificationServiceTest
{
    private static readonly DateTimeOffset At = new(2030, 1, 1, 10, 0, 0, TimeSpan.Zero);

    private static Notification Note(string id, DateTimeOffset occurred, DateTimeOffset created) =>
        new(id, "c-tie", "o-1", OrderEventTypes.Paid, "m", occurred, created);

    [Fact]
    public async Task Notifications_that_occurred_at_the_same_time_are_listed_newest_created_first()
    {
        // Stored oldest-created first, as another writer might have left them.
        await Factory.PutAsync(StateKeys.Notifications("c-tie"), new List<Notification>
        {
            Note("n-old", At, At.AddSeconds(1)),
            Note("n-new", At, At.AddSeconds(2)),
        });

        var listed = await Factory.ReaderClient().GetFromJsonAsync<List<Notification>>("/api/notifications?customerId=c-tie", JsonDefaults.Options);

        listed!.Select(n => n.Id).Should().Equal("n-new", "n-old");
    }

    [Fact]
    public void An_item_added_with_the_timestamp_of_one_already_listed_goes_ahead_of_it()
    {
        var list = BoundedList.Add([Note("first", At, At)], Note("second", At, At), n => n.Id, n => n.OccurredAt, capacity: 10);

        list!.Select(n => n.Id).Should().Equal("second", "first");
    }

    [Fact]
    public void An_event_without_a_time_is_dated_when_it_was_processed()
    {
        var now = At.AddHours(1);

        var withoutTime = NotificationComposer.Compose("e-1", OrderEventTypes.Paid, DaprDelivery.Event(OrderEventTypes.Paid) with { OccurredAt = default }, now);
        var withTime = NotificationComposer.Compose("e-2", OrderEventTypes.Paid, DaprDelivery.Event(OrderEventTypes.Paid, at: At), now);

        withoutTime.OccurredAt.Should().Be(now);
        withTime.OccurredAt.Should().Be(At);
    }

    [Fact]
    public void A_type_that_is_no_order_event_has_no_message()
    {
        var compose = () => NotificationComposer.Message("order_teleported", DaprDelivery.Event(OrderEventTypes.Paid));

        compose.Should().Throw<ArgumentOutOfRangeException>().WithMessage("Not an order event type.*").Which.ParamName.Should().Be("eventType");
    }

    [Fact]
    public async Task A_delivery_without_a_content_type_is_read_as_a_structured_CloudEvent()
    {
        // Dapr always sends application/cloudevents+json; without any content type the reader assumes it.
        var body = DaprDelivery.Envelope("o-ct:order_paid", OrderEventTypes.Paid, DaprDelivery.Data(DaprDelivery.Event(OrderEventTypes.Paid, orderId: "o-ct"))).ToJsonString();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));

        var response = await Factory.CreateClient().PostAsync(DaprDelivery.OrderEventPath(OrderEventTypes.Paid), content);

        (await response.TopicStatusAsync()).Should().Be("SUCCESS");
        (await Factory.StateAsync<List<Notification>>(StateKeys.Notifications("c-1"))).Should().ContainSingle(n => n.OrderId == "o-ct");
    }

    [Fact]
    public async Task A_delivery_is_decoded_with_the_charset_its_content_type_names()
    {
        var body = DaprDelivery.Envelope("o-u16:order_paid", OrderEventTypes.Paid, DaprDelivery.Data(DaprDelivery.Event(OrderEventTypes.Paid, orderId: "o-u16"))).ToJsonString();
        using var content = new ByteArrayContent(Encoding.Unicode.GetBytes(body));
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/cloudevents+json; charset=utf-16");

        var response = await Factory.CreateClient().PostAsync(DaprDelivery.OrderEventPath(OrderEventTypes.Paid), content);

        (await response.TopicStatusAsync()).Should().Be("SUCCESS");
        (await Factory.StateAsync<List<Notification>>(StateKeys.Notifications("c-1"))).Should().ContainSingle(n => n.OrderId == "o-u16");
    }
}
