namespace OrderPlatform.DevSidecar.Messaging;

/// <summary>
/// A message as it sits on a topic: the wire bytes (a CloudEvent JSON envelope, or the raw payload when published
/// with rawPayload=true), their content type, and when it expires (ttlInSeconds).
/// </summary>
public sealed record PubSubMessage(
    string PubsubName,
    string Topic,
    ReadOnlyMemory<byte> Payload,
    string ContentType,
    bool IsCloudEvent,
    DateTimeOffset? ExpiresAt,
    string? TraceParent,
    string? TraceState)
{
    public const string CloudEventContentType = "application/cloudevents+json";

    public bool HasExpired(DateTimeOffset now) => ExpiresAt is { } expiry && expiry <= now;
}
