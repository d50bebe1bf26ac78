using NotificationService.Tests.Infrastructure;
using OrderPlatform.Contracts.Events;
using OrderPlatform.NotificationService.Notifications;
using OrderPlatform.NotificationService.State;

namespace NotificationService.Tests;

public sealed class StoreFailureTests : IDisposable
{
    private readonly NotificationApiFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task Store_failure_asks_Dapr_to_retry_and_marks_nothing()
    {
        factory.Store.FailReads<List<Notification>>();

        var response = await factory.CreateClient().DeliverAsync(DaprDelivery.Event(OrderEventTypes.Paid));

        (await response.TopicStatusAsync()).Should().Be("RETRY");
        factory.Store.Keys.Should().BeEmpty();
    }

    [Fact]
    public async Task After_a_retried_failure_the_redelivery_is_stored()
    {
        factory.Store.FailReads<ProcessedMarker>();
        var client = factory.CreateClient();
        var paid = DaprDelivery.Event(OrderEventTypes.Paid);
        (await (await client.DeliverAsync(paid)).TopicStatusAsync()).Should().Be("RETRY");

        factory.Store.Handle<ProcessedMarker>();
        (await (await client.DeliverAsync(paid)).TopicStatusAsync()).Should().Be("SUCCESS");

        factory.Store.Get<List<Notification>>("notifications-c-1").Should().ContainSingle();
    }

    [Fact]
    public async Task An_ETag_conflict_is_retried_and_keeps_the_concurrent_write()
    {
        var other = NotificationComposer.Compose("evt-other", OrderEventTypes.Created, DaprDelivery.Event(OrderEventTypes.Created), DateTimeOffset.UnixEpoch);
        var raced = false;
        factory.Store.BeforeSave = key =>
        {
            if (key == "notifications-c-1" && !raced)
            {
                raced = true;
                factory.Store.Put(key, new List<Notification> { other });
            }
        };

        var response = await factory.CreateClient().DeliverAsync(DaprDelivery.Event(OrderEventTypes.Paid), id: "evt-mine");

        (await response.TopicStatusAsync()).Should().Be("SUCCESS");
        factory.Store.Get<List<Notification>>("notifications-c-1")!.Select(n => n.Id).Should().BeEquivalentTo("evt-mine", "evt-other");
    }

    [Fact]
    public async Task Endless_ETag_conflicts_end_in_RETRY_instead_of_looping()
    {
        factory.Store.BeforeSave = key => factory.Store.Put(key, new List<Notification>());

        var response = await factory.CreateClient().DeliverAsync(DaprDelivery.Event(OrderEventTypes.Paid));

        (await response.TopicStatusAsync()).Should().Be("RETRY");
        factory.Store.Keys.Should().NotContain(k => k.StartsWith("processed-", StringComparison.Ordinal));
    }
}
