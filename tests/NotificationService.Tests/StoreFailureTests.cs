using OrderPlatform.NotificationService.Tests.Support;
using OrderPlatform.Contracts.Events;
using OrderPlatform.NotificationService.Notifications;
using OrderPlatform.NotificationService.Storage;

namespace OrderPlatform.NotificationService.Tests;

public sealed class StoreFailureTests : NotificationServiceTest
{
    [Theory]
    [InlineData("GetBulkState")]
    [InlineData("ExecuteStateTransaction")]
    public async Task Store_failure_asks_Dapr_to_retry_and_marks_nothing(string method)
    {
        Factory.Hooks.Fail(method);

        var response = await Factory.CreateClient().DeliverAsync(DaprDelivery.Event(OrderEventTypes.Paid));

        (await response.TopicStatusAsync()).Should().Be("RETRY");
        (await Factory.StoredKeysAsync()).Should().Be(0);
    }

    [Fact]
    public async Task After_a_retried_failure_the_redelivery_is_stored()
    {
        Factory.Hooks.Fail("ExecuteStateTransaction", times: 1);
        var client = Factory.CreateClient();
        var paid = DaprDelivery.Event(OrderEventTypes.Paid);
        (await (await client.DeliverAsync(paid)).TopicStatusAsync()).Should().Be("RETRY");

        (await (await client.DeliverAsync(paid)).TopicStatusAsync()).Should().Be("SUCCESS");

        (await Factory.StateAsync<List<Notification>>("notifications-c-1")).Should().ContainSingle();
        (await Factory.StateAsync<ProcessedMarker>("processed-o-1:order_paid")).Should().NotBeNull();
    }

    [Fact]
    public async Task An_ETag_conflict_is_retried_and_keeps_the_concurrent_write()
    {
        var other = NotificationComposer.Compose("evt-other", OrderEventTypes.Created, DaprDelivery.Event(OrderEventTypes.Created), DateTimeOffset.UnixEpoch);
        var raced = false;
        Factory.Hooks.Before("ExecuteStateTransaction", async ct =>
        {
            if (!raced)
            {
                raced = true;
                await Factory.PutAsync("notifications-c-1", new List<Notification> { other }, ct);
            }
        });

        var response = await Factory.CreateClient().DeliverAsync(DaprDelivery.Event(OrderEventTypes.Paid), id: "evt-mine");

        (await response.TopicStatusAsync()).Should().Be("SUCCESS");
        (await Factory.StateAsync<List<Notification>>("notifications-c-1"))!.Select(n => n.Id).Should().BeEquivalentTo("evt-mine", "evt-other");
        Factory.Hooks.Calls("ExecuteStateTransaction").Should().Be(2, "the lost transaction and the one after reading again");
    }

    [Fact]
    public async Task Endless_ETag_conflicts_end_in_RETRY_after_the_configured_attempts()
    {
        Factory.Hooks.Before("ExecuteStateTransaction", ct => Factory.PutAsync("notifications-c-1", new List<Notification>(), ct));

        var response = await Factory.CreateClient().DeliverAsync(DaprDelivery.Event(OrderEventTypes.Paid));

        (await response.TopicStatusAsync()).Should().Be("RETRY");
        (await Factory.StateAsync<ProcessedMarker>("processed-o-1:order_paid")).Should().BeNull();
        Factory.Hooks.Calls("ExecuteStateTransaction").Should().Be(5, "appsettings.json: StateStore:ConflictAttempts 5");
    }
}
