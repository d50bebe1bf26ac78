using System.Net.Mime;
using System.Text;
using System.Text.Json;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.NotificationService.Events;

/// <summary>A delivery as read from the request: the parsed CloudEvent, or why it is not one, plus the raw body.</summary>
public sealed record Delivery(CloudEvent? Event, string? Error, ReadOnlyMemory<byte> Body)
{
    public string RawBody => Encoding.UTF8.GetString(Body.Span);
}

/// <summary>
/// Parses the structured-mode CloudEvent envelope Dapr delivers (<c>application/cloudevents+json</c>) with the CNCF
/// CloudEvents SDK, which validates the required attributes (specversion, id, source, type).
/// </summary>
public sealed class CloudEventReader
{
    private readonly JsonEventFormatter formatter = new(JsonDefaults.Options, new JsonDocumentOptions());

    public async Task<Delivery> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var body = new ReadOnlyMemory<byte>(buffer.ToArray());
        try
        {
            var contentType = new ContentType(request.ContentType ?? "application/cloudevents+json");
            var cloudEvent = formatter.DecodeStructuredModeMessage(body, contentType, extensionAttributes: null);
            return new Delivery(cloudEvent, null, body);
        }
        catch (Exception ex) when (ex is ArgumentException or JsonException or FormatException)
        {
            return new Delivery(null, $"Not a CloudEvent: {ex.Message}", body);
        }
    }
}
