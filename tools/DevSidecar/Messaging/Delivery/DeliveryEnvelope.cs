using System.Text.Json;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using OrderPlatform.DevSidecar.Messaging.Publishing;
using OrderPlatform.DevSidecar.Messaging.Subscriptions;

namespace OrderPlatform.DevSidecar.Messaging.Delivery;

/// <summary>
/// What is POSTed to the subscriber: a CloudEvent message as-is (application/cloudevents+json); for a
/// rawPayload subscription, daprd's wrapper of the wire bytes (a CloudEvent with data_base64); a raw message to a
/// normal subscription as the published bytes with their content type.
/// </summary>
internal sealed record DeliveryEnvelope(ReadOnlyMemory<byte> Body, string ContentType)
{
    private static readonly CloudEventAttribute[] Extensions =
        [CloudEventAttribute.CreateExtension("topic", CloudEventAttributeType.String),
         CloudEventAttribute.CreateExtension("pubsubname", CloudEventAttributeType.String)];

    public static DeliveryEnvelope For(Subscription subscription, PubSubMessage message)
    {
        if (subscription.RawPayload)
        {
            var wrapper = new CloudEvent(CloudEventsSpecVersion.V1_0, Extensions)
            {
                Id = Guid.NewGuid().ToString(),
                Source = new Uri(CloudEventEnvelope.DefaultSourceForCloudEvents, UriKind.Relative),
                Type = CloudEventEnvelope.DefaultType,
                DataContentType = "application/octet-stream",
                Data = message.Payload.ToArray(),
                ["topic"] = message.Topic,
                ["pubsubname"] = message.PubsubName,
            };
            return new DeliveryEnvelope(new JsonEventFormatter().EncodeStructuredModeMessage(wrapper, out _), PubSubMessage.CloudEventContentType);
        }

        return new DeliveryEnvelope(message.Payload, message.ContentType);
    }

    /// <summary>The envelope as JSON for route matching (null when it is not JSON).</summary>
    public JsonDocument? TryParse()
    {
        try
        {
            return JsonDocument.Parse(Body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
