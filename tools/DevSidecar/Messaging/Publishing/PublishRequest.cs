using System.Globalization;
using OrderPlatform.DevSidecar.Invocation;

namespace OrderPlatform.DevSidecar.Messaging.Publishing;

/// <summary>A publish call, from HTTP (`?metadata.x=`) or gRPC (PublishEventRequest.metadata).</summary>
public sealed record PublishRequest(
    string AppId,
    string PubsubName,
    string Topic,
    ReadOnlyMemory<byte> Data,
    string? ContentType,
    IReadOnlyDictionary<string, string> Metadata,
    TraceContext Trace)
{
    public bool RawPayload => Metadata.TryGetValue("rawPayload", out var raw) && bool.TryParse(raw, out var isRaw) && isRaw;

    /// <summary>`ttlInSeconds` metadata; a value that is not a positive integer is a metadata error.</summary>
    public TimeSpan? TimeToLive
    {
        get
        {
            if (!Metadata.TryGetValue("ttlInSeconds", out var text))
            {
                return null;
            }

            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
                ? TimeSpan.FromSeconds(seconds)
                : throw PubSubErrors.Metadata($"ttlInSeconds must be a positive integer, not '{text}'");
        }
    }

    public string? CloudEventOverride(string attribute) =>
        Metadata.TryGetValue("cloudevent." + attribute, out var value) && value.Length > 0 ? value : null;
}
