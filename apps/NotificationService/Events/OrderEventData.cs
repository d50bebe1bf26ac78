using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using CloudNative.CloudEvents;
using OrderPlatform.Contracts.Events;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.NotificationService.Events;

/// <summary>Reads the <see cref="OrderEvent"/> carried in a CloudEvent's <c>data</c>.</summary>
public static class OrderEventData
{
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
            orderEvent = data.Deserialize<OrderEvent>(JsonDefaults.Options);
        }
        catch (JsonException ex)
        {
            problem = $"data is not an OrderEvent: {ex.Message}";
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
