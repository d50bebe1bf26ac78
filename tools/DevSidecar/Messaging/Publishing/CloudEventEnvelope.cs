using System.Net.Mime;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;

namespace OrderPlatform.DevSidecar.Messaging.Publishing;

/// <summary>
/// Builds the CloudEvent daprd wraps a published payload in (with the CloudNative.CloudEvents SDK): id (uuid or
/// cloudevent.id), source = publisher app-id, type com.dapr.event.sent (or cloudevent.type), specversion 1.0,
/// datacontenttype (default text/plain), data (JSON embedded, application/octet-stream as data_base64, else text),
/// topic, pubsubname, traceid/traceparent/tracestate, time, and expiration when ttlInSeconds is set. A payload that is
/// already a CloudEvent is kept and augmented: topic/pubsubname/trace fields set, missing source/type/specversion
/// defaulted (source "Dapr"), cloudevent.* overrides applied.
/// </summary>
public static class CloudEventEnvelope
{
    public const string DefaultType = "com.dapr.event.sent";
    public const string DefaultSourceForCloudEvents = "Dapr";
    public const string DefaultDataContentType = "text/plain";

    private static readonly CloudEventAttribute[] Extensions =
        [.. new[] { "topic", "pubsubname", "traceid", "traceparent", "tracestate", "expiration" }
            .Select(name => CloudEventAttribute.CreateExtension(name, CloudEventAttributeType.String))];

    private static readonly JsonEventFormatter Formatter = new();

    public static ReadOnlyMemory<byte> Build(PublishRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contentType = string.IsNullOrEmpty(request.ContentType) ? DefaultDataContentType : request.ContentType;
        var cloudEvent = IsCloudEvent(contentType) ? Decode(request.Data) : Wrap(request, contentType, now);
        Augment(cloudEvent, request, now);
        return Formatter.EncodeStructuredModeMessage(cloudEvent, out _);
    }

    public static bool IsCloudEvent(string? contentType) =>
        contentType?.StartsWith(PubSubMessage.CloudEventContentType, StringComparison.OrdinalIgnoreCase) == true;

    private static CloudEvent Wrap(PublishRequest request, string contentType, DateTimeOffset now) =>
        new(CloudEventsSpecVersion.V1_0, Extensions)
        {
            Id = Guid.NewGuid().ToString(),
            Source = new Uri(request.AppId, UriKind.RelativeOrAbsolute),
            Type = DefaultType,
            Time = now,
            DataContentType = contentType,
            Data = Data(request.Data, contentType),
        };

    private static object Data(ReadOnlyMemory<byte> data, string contentType)
    {
        if (contentType.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase))
        {
            return data.ToArray();
        }

        if (IsJson(contentType))
        {
            try
            {
                return JsonSerializer.Deserialize<JsonElement>(data.Span);
            }
            catch (JsonException)
            {
                return Encoding.UTF8.GetString(data.Span);
            }
        }

        return Encoding.UTF8.GetString(data.Span);
    }

    private static bool IsJson(string contentType)
    {
        var mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    private static CloudEvent Decode(ReadOnlyMemory<byte> data)
    {
        try
        {
            var node = JsonNode.Parse(data.Span) as JsonObject ?? throw new FormatException("the payload is not a JSON object");
            node["id"] ??= Guid.NewGuid().ToString();
            node["source"] ??= DefaultSourceForCloudEvents;
            node["type"] ??= DefaultType;
            node["specversion"] ??= "1.0";
            return Formatter.DecodeStructuredModeMessage(
                Encoding.UTF8.GetBytes(node.ToJsonString()), new ContentType(PubSubMessage.CloudEventContentType), Extensions);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException)
        {
            throw PubSubErrors.CloudEvent(ex.Message);
        }
    }

    private static void Augment(CloudEvent cloudEvent, PublishRequest request, DateTimeOffset now)
    {
        cloudEvent.Id = request.CloudEventOverride("id") ?? cloudEvent.Id;
        cloudEvent.Type = request.CloudEventOverride("type") ?? cloudEvent.Type;
        if (request.CloudEventOverride("source") is { } source)
        {
            cloudEvent.Source = new Uri(source, UriKind.RelativeOrAbsolute);
        }

        var traceParent = request.CloudEventOverride("traceparent") ?? request.CloudEventOverride("traceid") ?? request.Trace.TraceParent;
        cloudEvent["topic"] = request.Topic;
        cloudEvent["pubsubname"] = request.PubsubName;
        cloudEvent["traceid"] = traceParent;
        cloudEvent["traceparent"] = traceParent;
        cloudEvent["tracestate"] = request.CloudEventOverride("tracestate") ?? request.Trace.TraceState;
        if (request.TimeToLive is { } ttl)
        {
            cloudEvent["expiration"] = (now + ttl).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
