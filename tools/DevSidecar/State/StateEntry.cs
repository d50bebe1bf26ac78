using Google.Protobuf;

namespace OrderPlatform.DevSidecar.State;

/// <summary>
/// One stored value: the bytes as sent, its ETag and, with ttlInSeconds, when it expires. <see cref="IsJson"/>: daprd
/// handed the store a JSON document (HTTP API, or gRPC save with <c>contentType: application/json</c>); otherwise the
/// store got raw bytes, which <c>state.postgresql</c> v1 keeps base64-encoded in a JSON string.
/// </summary>
public sealed record StateEntry(ByteString Value, string ETag, DateTimeOffset? ExpiresAt, bool IsJson = true)
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
public sealed record StateWrite(
    string Key, ByteString? Value, string? ETag, StateConcurrency Concurrency, TimeSpan? Ttl, bool IsJson = true)
{
    public bool IsDelete => Value is null;
}

/// <summary>Why a store refused a write: components-contrib's ETag error kinds, or a write that changed no row.</summary>
public enum StateWriteFailure
{
    ETagMismatch,
    ETagInvalid,
    NotUpdated,

    /// <summary>The database did not answer (a fault switched on through <c>Faults/</c>).</summary>
    Unavailable,
}

/// <summary>
/// A write the store refused, with the error text <c>state.postgresql</c> v1 gives (daprd puts it after its own
/// prefix): <c>possible etag mismatch. error from state store</c>, <c>invalid etag value: …</c> (its ETags are
/// PostgreSQL <c>xmin</c> values, unsigned 32-bit), <c>no item was updated</c>.
/// </summary>
public sealed class StateWriteException(string key, StateWriteFailure failure, string message) : Exception(message)
{
    public string Key { get; } = key;

    public StateWriteFailure Failure { get; } = failure;

    public bool IsETagError => Failure is StateWriteFailure.ETagMismatch or StateWriteFailure.ETagInvalid;
}
