using Grpc.Core;
using OrderPlatform.DevSidecar.Api;
using OrderPlatform.DevSidecar.State.Query;

namespace OrderPlatform.DevSidecar.State;

/// <summary>
/// One app's view of one state store: keys get the app's prefix; errors are daprd's (dapr/dapr pkg/api/grpc/grpc.go,
/// pkg/api/http/http.go) around what <c>state.postgresql</c> v1 answers (<see cref="StateWriteException"/>).
/// </summary>
public sealed class StateScope(string storeName, InMemoryStateStore store, string prefix, Func<bool>? writesFail = null)
{
    /// <summary>
    /// What the store gives when PostgreSQL cannot be reached (pgx's connection error; the exact text depends on the
    /// host and was not checked against a live server). daprd wraps it like any other non-ETag error.
    /// </summary>
    internal const string UnavailableMessage = "failed to connect to `host=postgres user=dapr database=dapr`: dial error (dial tcp: connect: connection refused)";

    public string StoreName { get; } = storeName;

    public string Prefix { get; } = prefix;

    public StateEntry? Get(string key) => store.Get(StateKeys.Compose(Prefix, key));

    /// <summary>
    /// Saves each item on its own, as daprd's bulk save does (every item is tried; the store's errors are joined).
    /// An ETag error among them gives its code (mismatch: gRPC Aborted / HTTP 409; invalid: InvalidArgument / 400);
    /// any other error is Internal / 500.
    /// </summary>
    public void Save(IReadOnlyList<StateOperation> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var failures = TryEach(items, item => Write(item.ToWrite(Prefix)));
        if (failures.Count > 0)
        {
            throw Refused(failures, "ERR_STATE_SAVE", $"failed saving state in state store {StoreName}");
        }
    }

    public void Delete(StateOperation item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var failures = TryEach([item], i => Write((i with { Value = null }).ToWrite(Prefix)));
        if (failures.Count > 0)
        {
            throw Refused(failures, "ERR_STATE_DELETE", $"failed deleting state with key {item.Key}");
        }
    }

    /// <summary>Deletes each item on its own (every item is tried), as daprd's bulk delete does.</summary>
    public void DeleteBulk(IReadOnlyList<StateOperation> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var failures = TryEach(items, i => Write((i with { Value = null }).ToWrite(Prefix)));
        if (failures.Count > 0)
        {
            throw Refused(failures, "ERR_STATE_BULK_DELETE", $"failed deleting state in state store {StoreName}");
        }
    }

    /// <summary>
    /// All operations or none (<c>state.postgresql</c> v1 runs them in one database transaction and rolls back at the
    /// first error). Whatever the error, daprd answers gRPC Internal / HTTP 500 <c>ERR_STATE_TRANSACTION</c>.
    /// </summary>
    public void Transact(IReadOnlyList<StateOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var writes = operations.Select(o => o.ToWrite(Prefix)).ToList();
        try
        {
            ThrowIfWritesFail(writes.Count > 0 ? writes[0].Key : string.Empty);
            store.Apply(writes);
        }
        catch (StateWriteException e)
        {
            throw new DaprApiException(500, StatusCode.Internal, "ERR_STATE_TRANSACTION",
                $"error while executing state transaction: {e.Message}");
        }
    }

    /// <summary>Queries the whole store, as <c>state.postgresql</c> v1 reads its whole table (see <see cref="StateQueryEngine"/>).</summary>
    public StateQueryResult Query(StateQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return StateQueryEngine.Run(query, store.Snapshot(), StoreName);
    }

    private void Write(StateWrite write)
    {
        ThrowIfWritesFail(write.Key);
        store.Apply(write);
    }

    private void ThrowIfWritesFail(string key)
    {
        if (writesFail?.Invoke() == true)
        {
            throw new StateWriteException(key, StateWriteFailure.Unavailable, UnavailableMessage);
        }
    }

    private static List<StateWriteException> TryEach(IReadOnlyList<StateOperation> items, Action<StateOperation> apply)
    {
        var failures = new List<StateWriteException>();
        foreach (var item in items)
        {
            try
            {
                apply(item);
            }
            catch (StateWriteException e)
            {
                failures.Add(e);
            }
        }

        return failures;
    }

    /// <summary>daprd's answer to the store's (joined) errors: the code of the first ETag error, else Internal.</summary>
    private static DaprApiException Refused(List<StateWriteException> failures, string errorCode, string prefix)
    {
        var message = $"{prefix}: {string.Join('\n', failures.Select(f => f.Message))}";
        return failures.FirstOrDefault(f => f.IsETagError)?.Failure switch
        {
            StateWriteFailure.ETagMismatch => new DaprApiException(409, StatusCode.Aborted, errorCode, message),
            StateWriteFailure.ETagInvalid => new DaprApiException(400, StatusCode.InvalidArgument, errorCode, message),
            _ => new DaprApiException(500, StatusCode.Internal, errorCode, message),
        };
    }
}
