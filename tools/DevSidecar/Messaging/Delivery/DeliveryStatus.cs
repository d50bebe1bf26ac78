using System.Text.Json;

namespace OrderPlatform.DevSidecar.Messaging.Delivery;

/// <summary>What one delivery attempt came back with.</summary>
public enum DeliveryStatus
{
    Success,
    Retry,
    Drop,
    NotFound,
}

/// <summary>What became of a message after all attempts.</summary>
public enum DeliveryDisposition
{
    Delivered,
    Dropped,
    DeadLetter,
}

/// <summary>
/// Reads the subscriber's answer as daprd does: 2xx with empty body, a non-JSON body, `{"status":"SUCCESS"}` or an
/// empty status → success; `RETRY` → retry; `DROP` → drop (dead-lettered when the subscription has a
/// deadLetterTopic, as daprd ≥ 1.16 does); an unknown status → retry; 404 → dropped (never dead-lettered);
/// any other status → retry.
/// </summary>
public static class DeliveryResponse
{
    public static async Task<DeliveryStatus> ClassifyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var code = (int)response.StatusCode;
        if (code == 404)
        {
            return DeliveryStatus.NotFound;
        }

        if (code is < 200 or > 299)
        {
            return DeliveryStatus.Retry;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(body))
        {
            return DeliveryStatus.Success;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            var status = json.RootElement.ValueKind == JsonValueKind.Object
                ? json.RootElement.EnumerateObject()
                    .FirstOrDefault(p => p.Name.Equals("status", StringComparison.OrdinalIgnoreCase)).Value
                : default;
            return (status.ValueKind == JsonValueKind.String ? status.GetString() : null)?.ToUpperInvariant() switch
            {
                null or "" or "SUCCESS" => DeliveryStatus.Success,
                "DROP" => DeliveryStatus.Drop,
                _ => DeliveryStatus.Retry,
            };
        }
        catch (JsonException)
        {
            return DeliveryStatus.Success;
        }
    }
}
