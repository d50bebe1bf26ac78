using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using CloudNative.CloudEvents;
using OrderPlatform.Contracts.Events;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.ServiceDefaults.RequestBodies;

namespace OrderPlatform.NotificationService.Events;

/// <summary>
/// Reads the <see cref="OrderEvent"/> carried in a CloudEvent's <c>data</c>. Its required fields (orderId, customerId,
/// type, total, status, occurredAt) must be present and not null, so a partial event is dropped rather than turned into
/// a wrong notification ("total 0.00"); unknown members are skipped (a newer publisher may add some). order-service has
/// always published every one of them.
/// </summary>
public static class OrderEventData
{
    private static readonly JsonSerializerOptions Strict = StrictJson.CopyOf(JsonDefaults.Options, JsonUnmappedMemberHandling.Skip);

    public static bool TryRead(CloudEvent cloudEvent, [NotNullWhen(true)] out OrderEvent? orderEvent, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        orderEvent = null;
        if (cloudEvent.Data is not JsonElement { ValueKind: JsonValueKind.Object } data)
        {
            problem = "data is not a JSON object.";
            return false;
        }

        try
        {
            orderEvent = data.Deserialize<OrderEvent>(Strict);
        }
        catch (JsonException ex)
        {
            problem = "data is not an OrderEvent: " + string.Join("; ",
                JsonBodyErrors.From(ex, Strict.GetTypeInfo(typeof(OrderEvent)), data, rootField: "data").Select(e => $"{e.Key}: {string.Join(' ', e.Value)}"));
            return false;
        }

        problem = orderEvent switch
        {
            null => "data is not an OrderEvent.",
            { OrderId: var id } when string.IsNullOrWhiteSpace(id) => "data.orderId is required.",
            { CustomerId: var id } when string.IsNullOrWhiteSpace(id) => "data.customerId is required.",
            _ => null,
        };
        return problem is null;
    }
}
