using Grpc.Core;
using OrderPlatform.DevSidecar.Api;
using OrderPlatform.DevSidecar.State.Query;

namespace OrderPlatform.DevSidecar.State;

/// <summary>One app's view of one state store: keys get the app's prefix; errors are Dapr's.</summary>
public sealed class StateScope(string storeName, InMemoryStateStore store, string prefix)
{
    public string StoreName { get; } = storeName;

    public string Prefix { get; } = prefix;

    public StateEntry? Get(string key) => store.Get(StateKeys.Compose(Prefix, key));

    /// <summary>Saves each item on its own, as Dapr's save API does (not a transaction).</summary>
    public void Save(IReadOnlyList<StateOperation> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            try
            {
                store.Apply(item.ToWrite(Prefix));
            }
            catch (StateETagMismatchException)
            {
                throw new DaprApiException(409, StatusCode.Aborted, "ERR_STATE_SAVE",
                    $"failed saving state in state store {StoreName}: {Mismatch(item.Key)}");
            }
        }
    }

    public void Delete(StateOperation item)
    {
        ArgumentNullException.ThrowIfNull(item);
        try
        {
            store.Apply((item with { Value = null }).ToWrite(Prefix));
        }
        catch (StateETagMismatchException)
        {
            throw new DaprApiException(409, StatusCode.Aborted, "ERR_STATE_DELETE",
                $"failed deleting state with key {item.Key}: {Mismatch(item.Key)}");
        }
    }

    /// <summary>All operations or none: every ETag is checked before anything changes.</summary>
    public void Transact(IReadOnlyList<StateOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var writes = operations.Select(o => o.ToWrite(Prefix)).ToList();
        try
        {
            store.Apply(writes);
        }
        catch (StateETagMismatchException e)
        {
            throw new DaprApiException(500, StatusCode.Internal, "ERR_STATE_TRANSACTION",
                $"error while executing state transaction: {Mismatch(e.Key[Prefix.Length..])}");
        }
    }

    public StateQueryResult Query(StateQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return StateQueryEngine.Run(query, store.Snapshot(Prefix), Prefix.Length, StoreName);
    }

    private static string Mismatch(string key) => $"possible etag mismatch. error from state store: etag mismatch for key {key}";
}
