using NotificationService.Tests.Infrastructure;
using OrderPlatform.Contracts.Events;
using OrderPlatform.NotificationService.Notifications;
using OrderPlatform.NotificationService.State;

namespace NotificationService.Tests;

public sealed class OrderEventTests : IDisposable
{
    private readonly NotificationApiFactory factory = new();

    public void Dispose() => factory.Dispose();

    public static TheoryData<OrderEvent, string> Events() => new()
    {
        { DaprDelivery.Event(OrderEventTypes.Created), "We received your order o-1 (total 42.50)." },
        { DaprDelivery.Event(OrderEventTypes.Paid), "Your order o-1 was paid (42.50)." },
        { DaprDelivery.Event(OrderEventTypes.Shipped, tracking: "TRK-ABCDEF123456"), "Your order o-1 has shipped. Tracking number: TRK-ABCDEF123456." },
        { DaprDelivery.Event(OrderEventTypes.Shipped), "Your order o-1 has shipped." },
        { DaprDelivery.Event(OrderEventTypes.Completed), "Your order o-1 is complete. Thank you!" },
        { DaprDelivery.Event(OrderEventTypes.Failed, detail: "Payment declined."), "We could not complete your order o-1: Payment declined." },
        { DaprDelivery.Event(OrderEventTypes.Cancelled, detail: "customer request"), "Your order o-1 was cancelled: customer request." },
        { DaprDelivery.Event(OrderEventTypes.Cancelled), "Your order o-1 was cancelled." },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public async Task Each_event_type_stores_its_notification_for_the_customer(OrderEvent orderEvent, string message)
    {
        var response = await factory.CreateClient().DeliverAsync(orderEvent, id: "evt-1");

        (await response.TopicStatusAsync()).Should().Be("SUCCESS");
        var stored = factory.Store.Get<List<Notification>>("notifications-c-1");
        stored.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Id = "evt-1",
            CustomerId = "c-1",
            OrderId = "o-1",
            orderEvent.Type,
            Message = message,
            orderEvent.OccurredAt,
            CreatedAt = factory.Time.GetUtcNow(),
        });
        factory.Store.Get<ProcessedMarker>("processed-evt-1")!.Type.Should().Be(orderEvent.Type);
    }

    [Fact]
    public async Task Duplicate_delivery_is_acknowledged_and_stored_once()
    {
        var client = factory.CreateClient();
        var paid = DaprDelivery.Event(OrderEventTypes.Paid);

        (await (await client.DeliverAsync(paid)).TopicStatusAsync()).Should().Be("SUCCESS");
        (await (await client.DeliverAsync(paid)).TopicStatusAsync()).Should().Be("SUCCESS");

        factory.Store.Get<List<Notification>>("notifications-c-1").Should().ContainSingle();
    }

    [Fact]
    public async Task Event_with_a_processed_marker_stores_nothing()
    {
        factory.Store.Put("processed-evt-old", new ProcessedMarker("evt-old", OrderEventTypes.Paid, DateTimeOffset.UnixEpoch));

        var response = await factory.CreateClient().DeliverAsync(DaprDelivery.Event(OrderEventTypes.Paid), id: "evt-old");

        (await response.TopicStatusAsync()).Should().Be("SUCCESS");
        factory.Store.Keys.Should().NotContain("notifications-c-1");
    }

    [Fact]
    public async Task Redelivery_after_the_list_was_written_but_not_the_marker_adds_nothing_and_marks_it()
    {
        var paid = DaprDelivery.Event(OrderEventTypes.Paid);
        var earlier = NotificationComposer.Compose("evt-2", paid.Type, paid, DateTimeOffset.UnixEpoch);
        factory.Store.Put("notifications-c-1", new List<Notification> { earlier });

        var response = await factory.CreateClient().DeliverAsync(paid, id: "evt-2");

        (await response.TopicStatusAsync()).Should().Be("SUCCESS");
        factory.Store.Get<List<Notification>>("notifications-c-1").Should().ContainSingle();
        factory.Store.Keys.Should().Contain("processed-evt-2");
    }

    [Fact]
    public async Task Concurrent_deliveries_of_one_event_store_it_once()
    {
        var client = factory.CreateClient();
        var created = DaprDelivery.Event(OrderEventTypes.Created);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ => await (await client.DeliverAsync(created)).TopicStatusAsync()));

        statuses.Should().AllBe("SUCCESS");
        factory.Store.Get<List<Notification>>("notifications-c-1").Should().ContainSingle();
    }

    [Fact]
    public async Task Unknown_event_type_is_acknowledged_and_nothing_is_stored()
    {
        var body = DaprDelivery.Envelope("evt-x", "order_teleported", DaprDelivery.Data(DaprDelivery.Event("order_teleported"))).ToJsonString();

        var response = await factory.CreateClient().DeliverAsync("/events/orders/unknown", body);

        (await response.TopicStatusAsync()).Should().Be("SUCCESS");
        factory.Store.Keys.Should().BeEmpty();
    }
}
