using Google.Protobuf;

namespace OrderPlatform.DevSidecar.State;

/// <summary>One stored value: the bytes as sent, its ETag and, with ttlInSeconds, when it expires.</summary>
public sealed record StateEntry(ByteString Value, string ETag, DateTimeOffset? ExpiresAt)
{
    public bool IsExpired(DateTimeOffset now) => ExpiresAt is { } expiry && expiry <= now;
}

/// <summary>Dapr's concurrency modes (last-write is the default).</summary>
public enum StateConcurrency
{
    LastWrite,
    FirstWrite,
}

/// <summary>An upsert (Value set) or a delete (Value null) of one fully prefixed key.</summary>
public sealed record StateWrite(string Key, ByteString? Value, string? ETag, StateConcurrency Concurrency, TimeSpan? Ttl)
{
    public bool IsDelete => Value is null;
}

/// <summary>An ETag check failed (Dapr: "possible etag mismatch").</summary>
public sealed class StateETagMismatchException(string key)
    : Exception($"possible etag mismatch. error from state store: etag mismatch for key {key}")
{
    public string Key { get; } = key;
}
