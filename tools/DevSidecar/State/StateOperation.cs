using System.Globalization;
using Google.Protobuf;
using OrderPlatform.DevSidecar.Api;

namespace OrderPlatform.DevSidecar.State;

/// <summary>
/// A save or delete as an API request states it (key without prefix; metadata e.g. ttlInSeconds). IsJson: daprd
/// hands the value to the store as a JSON document rather than as bytes (see <see cref="StateEntry"/>).
/// </summary>
public sealed record StateOperation(
    string Key,
    ByteString? Value,
    string? ETag = null,
    StateConcurrency Concurrency = StateConcurrency.LastWrite,
    IReadOnlyDictionary<string, string>? Metadata = null,
    bool IsJson = true)
{
    public StateWrite ToWrite(string prefix) =>
        new(StateKeys.Compose(prefix, Key), Value, ETag, Concurrency, Value is null ? null : Ttl(Metadata), IsJson);

    /// <summary>Parses Dapr's <c>ttlInSeconds</c> metadata (-1 or absent: no expiry).</summary>
    public static TimeSpan? Ttl(IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null || !metadata.TryGetValue("ttlInSeconds", out var text) || string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds) || seconds < -1)
        {
            throw new DaprApiException(
                400, Grpc.Core.StatusCode.InvalidArgument, "ERR_MALFORMED_REQUEST",
                $"metadata ttlInSeconds must be a whole number of seconds >= -1, got '{text}'");
        }

        return seconds == -1 ? null : TimeSpan.FromSeconds(seconds);
    }

    /// <summary>Dapr's concurrency option names (<c>first-write</c>, <c>last-write</c>); empty means last-write.</summary>
    public static StateConcurrency ParseConcurrency(string? text) => text switch
    {
        null or "" or "last-write" => StateConcurrency.LastWrite,
        "first-write" => StateConcurrency.FirstWrite,
        _ => throw DaprErrors.MalformedRequest($"unknown concurrency '{text}' (first-write or last-write)"),
    };

    /// <summary>Dapr's consistency option names; the in-memory store is always strongly consistent.</summary>
    public static void ValidateConsistency(string? text)
    {
        if (text is not (null or "" or "eventual" or "strong"))
        {
            throw DaprErrors.MalformedRequest($"unknown consistency '{text}' (eventual or strong)");
        }
    }
}
