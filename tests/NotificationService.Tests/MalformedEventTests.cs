using System.Text.Json.Nodes;
using OrderPlatform.NotificationService.Tests.Support;
using OrderPlatform.Contracts.Events;

namespace OrderPlatform.NotificationService.Tests;

public sealed class MalformedEventTests : NotificationServiceTest
{
    private const string PaidPath = "/events/orders/order_paid";

    public static TheoryData<string, string> Malformed()
    {
        var paid = DaprDelivery.Event(OrderEventTypes.Paid);
        JsonNode Data() => DaprDelivery.Data(paid)!;
        string With(Action<JsonObject> change)
        {
            var envelope = DaprDelivery.Envelope("evt-m", OrderEventTypes.Paid, Data());
            change(envelope);
            return envelope.ToJsonString();
        }

        return new()
        {
            { "not a CloudEvent (no envelope)", Data().ToJsonString() },
            { "not JSON", "order paid!" },
            { "no id", With(e => e.Remove("id")) },
            { "no specversion", With(e => e.Remove("specversion")) },
            { "no data", With(e => e.Remove("data")) },
            { "data is a string", With(e => e["data"] = "o-1 paid") },
            { "data has the wrong shape", With(e => e["data"] = new JsonObject { ["orderId"] = new JsonArray(), ["customerId"] = "c-1" }) },
            { "missing orderId", With(e => e["data"]!.AsObject().Remove("orderId")) },
            { "missing customerId", With(e => e["data"]!["customerId"] = " ") },
            { "type does not match the route", With(e => e["type"] = OrderEventTypes.Created) },
        };
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Malformed_event_is_dropped_so_Dapr_dead_letters_it_and_nothing_is_stored(string because, string body)
    {
        var response = await Factory.CreateClient().DeliverAsync(PaidPath, body);

        (await response.TopicStatusAsync()).Should().Be("DROP", because);
        (await Factory.StoredKeysAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Non_CloudEvent_on_the_default_route_is_dropped()
    {
        var response = await Factory.CreateClient().DeliverAsync("/events/orders/unknown", "{}");

        (await response.TopicStatusAsync()).Should().Be("DROP");
    }
}
