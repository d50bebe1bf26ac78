using OrderPlatform.NotificationService.Tests.Support;
using OrderPlatform.Contracts.Events;
using OrderPlatform.NotificationService.Notifications;
using OrderPlatform.NotificationService.Storage;

namespace OrderPlatform.NotificationService.Tests;

public sealed class OrderEventTests : NotificationServiceTest
{
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
        var response = await Factory.CreateClient().DeliverAsync(orderEvent, id: "evt-1");

        (await response.TopicStatusAsync()).Should().Be("SUCCESS");
        var stored = await Factory.StateAsync<List<Notification>>("notifications-c-1");
        stored.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Id = "evt-1",
            CustomerId = "c-1",
            OrderId = "o-1",
            orderEvent.Type,
            Message = message,
            orderEvent.OccurredAt,
            CreatedAt = Factory.Time.GetUtcNow(),
        });
        (await Factory.StateAsync<ProcessedMarker>("processed-evt-1")).Should().Be(new ProcessedMarker("evt-1", orderEvent.Type, Factory.Time.GetUtcNow()));
    }

    [Fact]
    public async Task The_notification_and_its_marker_are_written_in_one_state_transaction()
    {
        var response = await Factory.CreateClient().DeliverAsync(DaprDelivery.Event(OrderEventTypes.Paid));

        (await response.TopicStatusAsync()).Should().Be("SUCCESS");
        // One bulk read (marker and list) and one transaction: the only state calls of a first delivery.
        new[] { "GetBulkState", "ExecuteStateTransaction", "GetState", "SaveState" }.Select(Factory.Hooks.Calls).Should().Equal(1, 1, 0, 0);
        (await Factory.StoredKeysAsync()).Should().Be(2, "notifications-c-1 and processed-o-1:order_paid");
    }

    [Fact]
    public async Task The_processed_marker_expires_after_the_configured_ttl()
    {
        var before = DateTimeOffset.UtcNow;
        var response = await Factory.CreateClient().DeliverAsync(DaprDelivery.Event(OrderEventTypes.Paid), id: "evt-ttl");
        var after = DateTimeOffset.UtcNow;

        (await response.TopicStatusAsync()).Should().Be("SUCCESS");
        // Dapr reports a key's expiry as ttlExpireTime (RFC 3339, whole seconds) in GetState's metadata
        // (dapr/components-contrib internal/component/postgresql/postgresdbaccess.go, Get); the list has none.
        var expiry = await Factory.TtlExpireTimeAsync("processed-evt-ttl");
        expiry.Should().BeOnOrAfter(before.AddDays(30).AddSeconds(-1)).And.BeOnOrBefore(after.AddDays(30).AddSeconds(1));
        (await Factory.TtlExpireTimeAsync("notifications-c-1")).Should().BeNull();
    }

    [Fact]
    public async Task Duplicate_delivery_is_acknowledged_and_stored_once()
    {
        var client = Factory.CreateClient();
        var paid = DaprDelivery.Event(OrderEventTypes.Paid);

        (await (await client.DeliverAsync(paid)).TopicStatusAsync()).Should().Be("SUCCESS");
        (await (await client.DeliverAsync(paid)).TopicStatusAsync()).Should().Be("SUCCESS");

        (await Factory.StateAsync<List<Notification>>("notifications-c-1")).Should().ContainSingle();
        Factory.Hooks.Calls("ExecuteStateTransaction").Should().Be(1, "the redelivery finds the marker and writes nothing");
        Factory.Hooks.Calls("GetBulkState").Should().Be(2, "one read per delivery");
    }

    [Fact]
    public async Task Event_with_a_processed_marker_stores_nothing()
    {
        await Factory.PutAsync("processed-evt-old", new ProcessedMarker("evt-old", OrderEventTypes.Paid, DateTimeOffset.UnixEpoch));

        var response = await Factory.CreateClient().DeliverAsync(DaprDelivery.Event(OrderEventTypes.Paid), id: "evt-old");

        (await response.TopicStatusAsync()).Should().Be("SUCCESS");
        (await Factory.StateAsync<List<Notification>>("notifications-c-1")).Should().BeNull();
        (await Factory.StoredKeysAsync()).Should().Be(1);
    }

    [Fact]
    public async Task Redelivery_after_the_list_was_written_but_not_the_marker_adds_nothing_and_marks_it()
    {
        var paid = DaprDelivery.Event(OrderEventTypes.Paid);
        var earlier = NotificationComposer.Compose("evt-2", paid.Type, paid, DateTimeOffset.UnixEpoch);
        await Factory.PutAsync("notifications-c-1", new List<Notification> { earlier });

        var response = await Factory.CreateClient().DeliverAsync(paid, id: "evt-2");

        (await response.TopicStatusAsync()).Should().Be("SUCCESS");
        (await Factory.StateAsync<List<Notification>>("notifications-c-1")).Should().Equal(earlier);
        (await Factory.StateAsync<ProcessedMarker>("processed-evt-2")).Should().Be(new ProcessedMarker("evt-2", paid.Type, Factory.Time.GetUtcNow()));
        (await Factory.TtlExpireTimeAsync("processed-evt-2")).Should().NotBeNull();
    }

    [Fact]
    public async Task Concurrent_deliveries_of_one_event_store_it_once()
    {
        const int Deliveries = 6;
        var client = Factory.CreateClient();
        var created = DaprDelivery.Event(OrderEventTypes.Created);
        // Every delivery has read the empty store before any of them writes: all six race for the same transaction.
        var barrier = new CallBarrier(Deliveries);
        Factory.Hooks.Before("ExecuteStateTransaction", barrier.ArriveAsync);

        var statuses = await Task.WhenAll(Enumerable.Range(0, Deliveries).Select(async _ => await (await client.DeliverAsync(created)).TopicStatusAsync()));

        statuses.Should().AllBe("SUCCESS");
        (await Factory.StateAsync<List<Notification>>("notifications-c-1")).Should().ContainSingle();
        Factory.Hooks.Calls("ExecuteStateTransaction").Should().Be(Deliveries, "one won; the others read again, found the marker and wrote nothing");
    }

    [Fact]
    public async Task Concurrent_events_for_one_customer_are_all_kept()
    {
        var client = Factory.CreateClient();
        var barrier = new CallBarrier(2);
        Factory.Hooks.Before("ExecuteStateTransaction", barrier.ArriveAsync);

        var statuses = await Task.WhenAll(new[] { OrderEventTypes.Created, OrderEventTypes.Paid }
            .Select(async type => await (await client.DeliverAsync(DaprDelivery.Event(type))).TopicStatusAsync()));

        statuses.Should().AllBe("SUCCESS");
        (await Factory.StateAsync<List<Notification>>("notifications-c-1"))!.Select(n => n.Type)
            .Should().BeEquivalentTo(OrderEventTypes.Created, OrderEventTypes.Paid);
        Factory.Hooks.Calls("ExecuteStateTransaction").Should().Be(3, "both raced at the same ETag; the loser read again and wrote once more");
    }

    [Fact]
    public async Task Unknown_event_type_is_acknowledged_and_nothing_is_stored()
    {
        var body = DaprDelivery.Envelope("evt-x", "order_teleported", DaprDelivery.Data(DaprDelivery.Event("order_teleported"))).ToJsonString();

        var response = await Factory.CreateClient().DeliverAsync("/events/orders/unknown", body);

        (await response.TopicStatusAsync()).Should().Be("SUCCESS");
        (await Factory.StoredKeysAsync()).Should().Be(0);
    }
}
