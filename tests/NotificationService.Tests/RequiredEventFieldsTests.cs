using System.Text.Json.Nodes;
using OrderPlatform.NotificationService.Tests.Support;
using OrderPlatform.Contracts.Events;
using OrderPlatform.NotificationService.Notifications;

namespace OrderPlatform.NotificationService.Tests;

/// <summary>
/// An order event whose data lacks a required field (or has it null) is dropped, so Dapr dead-letters it, and nothing is
/// stored: it never becomes a notification with a defaulted value ("total 0.00"). Unknown members are skipped.
/// </summary>
public sealed class RequiredEventFieldsTests : NotificationServiceTest
{
    private static JsonObject Envelope(Action<JsonObject> changeData)
    {
        var data = DaprDelivery.Data(DaprDelivery.Event(OrderEventTypes.Paid))!.AsObject();
        changeData(data);
        return DaprDelivery.Envelope("evt-r", OrderEventTypes.Paid, data);
    }

    [Theory]
    [InlineData("total")]
    [InlineData("type")]
    [InlineData("status")]
    [InlineData("occurredAt")]
    [InlineData("orderId")]
    public async Task An_event_missing_a_required_field_is_dropped_and_nothing_is_stored(string field)
    {
        var response = await Factory.CreateClient().DeliverAsync(
            DaprDelivery.OrderEventPath(OrderEventTypes.Paid), Envelope(d => d.Remove(field)).ToJsonString());

        (await response.TopicStatusAsync()).Should().Be("DROP");
        (await Factory.StoredKeysAsync()).Should().Be(0);
    }

    [Theory]
    [InlineData("total")]
    [InlineData("customerId")]
    [InlineData("type")]
    public async Task An_event_with_a_required_field_null_is_dropped_and_nothing_is_stored(string field)
    {
        var response = await Factory.CreateClient().DeliverAsync(
            DaprDelivery.OrderEventPath(OrderEventTypes.Paid), Envelope(d => d[field] = null).ToJsonString());

        (await response.TopicStatusAsync()).Should().Be("DROP");
        (await Factory.StoredKeysAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Unknown_members_in_the_data_and_the_envelope_are_skipped()
    {
        var envelope = Envelope(d => d["loyaltyPoints"] = 12);
        envelope["partitionkey"] = "o-1";

        var response = await Factory.CreateClient().DeliverAsync(DaprDelivery.OrderEventPath(OrderEventTypes.Paid), envelope.ToJsonString());

        (await response.TopicStatusAsync()).Should().Be("SUCCESS");
        (await Factory.StateAsync<List<Notification>>("notifications-c-1")).Should().ContainSingle()
            .Which.Message.Should().Be("Your order o-1 was paid (42.50).");
    }
}
