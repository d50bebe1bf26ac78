using System.Text.Json;
using Dapr;
using Dapr.Client;
using Grpc.Core;

namespace OrderPlatform.ServiceDefaults;

/// <summary>
/// Optimistic concurrency helpers for Dapr state. A failed ETag check surfaces as a <see cref="DaprException"/> whose
/// inner <see cref="RpcException"/> is <c>Aborted</c> (single-key save) or, for <c>ExecuteStateTransaction</c>,
/// <c>Internal</c> with the store's "possible etag mismatch" text (daprd wraps every transaction error as Internal).
/// <c>FailedPrecondition</c> is not a conflict: daprd uses it for "state store not configured".
/// </summary>
public static class DaprStateConcurrency
{
    /// <summary>First-write-wins: with an ETag the write needs that version; without one, the key must not exist yet.</summary>
    public static StateOptions FirstWrite() => new() { Concurrency = ConcurrencyMode.FirstWrite };

    public static bool IsEtagConflict(Exception exception) => exception switch
    {
        DaprException { InnerException: RpcException rpc } => IsConflict(rpc.Status),
        RpcException rpc => IsConflict(rpc.Status),
        _ => false,
    };

    /// <summary>A first-write upsert for a state transaction; a null/empty <paramref name="etag"/> means "insert".</summary>
    public static StateTransactionRequest Upsert<T>(string key, T value, string? etag, JsonSerializerOptions json) =>
        new(key, JsonSerializer.SerializeToUtf8Bytes(value, json), StateOperationType.Upsert,
            string.IsNullOrEmpty(etag) ? null : etag, metadata: null, options: FirstWrite());

    private static bool IsConflict(Status status) => status.StatusCode switch
    {
        StatusCode.Aborted => true,
        StatusCode.Internal => status.Detail?.Contains("etag", StringComparison.OrdinalIgnoreCase) == true,
        _ => false,
    };
}
