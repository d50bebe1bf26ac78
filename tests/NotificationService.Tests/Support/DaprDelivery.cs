using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Events;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.NotificationService.Tests.Support;

/// <summary>Delivers events exactly as the Dapr sidecar does: a structured CloudEvent, application/cloudevents+json.</summary>
public static class DaprDelivery
{
    public static OrderEvent Event(string type, string orderId = "o-1", string customerId = "c-1", decimal total = 42.5m,
        DateTimeOffset? at = null, string? detail = null, string? tracking = null) =>
        new(orderId, customerId, type, total, "status", at ?? new DateTimeOffset(2030, 1, 1, 10, 0, 0, TimeSpan.Zero),
            detail, null, tracking);

    public static JsonObject Envelope(string id, string type, JsonNode? data, string topic = Topics.Orders) => new()
    {
        ["specversion"] = "1.0",
        ["id"] = id,
        ["source"] = AppIds.OrderService,
        ["type"] = type,
        ["datacontenttype"] = "application/json",
        ["data"] = data,
        ["topic"] = topic,
        ["pubsubname"] = Components.PubSub,
        ["traceparent"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        ["tracestate"] = "",
    };

    public static JsonNode? Data(OrderEvent orderEvent) => JsonSerializer.SerializeToNode(orderEvent, JsonDefaults.Options);

    public static Task<HttpResponseMessage> DeliverAsync(this HttpClient client, OrderEvent orderEvent, string? id = null) =>
        client.DeliverAsync(OrderEventPath(orderEvent.Type),
            Envelope(id ?? OrderEvent.EventId(orderEvent.OrderId, orderEvent.Type), orderEvent.Type, Data(orderEvent)).ToJsonString());

    public static async Task<HttpResponseMessage> DeliverAsync(this HttpClient client, string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/cloudevents+json");
        return await client.PostAsync(path, content);
    }

    public static async Task<string> TopicStatusAsync(this HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("status").GetString()!;
    }

    public static string OrderEventPath(string type) => $"/events/orders/{type}";
}
