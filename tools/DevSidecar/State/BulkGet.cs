namespace OrderPlatform.DevSidecar.State;

/// <summary>One key's answer in a bulk get: the entry (null when absent) or a per-key error, as Dapr reports it.</summary>
public sealed record BulkGetItem(string Key, StateEntry? Entry, string? Error);

/// <summary>Dapr's bulk get: every key read (up to <c>parallelism</c> at a time), answers in request order.</summary>
public static class BulkGet
{
    public static BulkGetItem[] Run(StateScope scope, IReadOnlyList<string> keys, int parallelism)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(keys);
        var results = new BulkGetItem[keys.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism > 0 ? parallelism : Environment.ProcessorCount };
        Parallel.For(0, keys.Count, options, i => results[i] = Read(scope, keys[i]));
        return results;
    }

    private static BulkGetItem Read(StateScope scope, string key)
    {
        try
        {
            return new BulkGetItem(key, scope.Get(key), null);
        }
        catch (Api.DaprApiException e)
        {
            return new BulkGetItem(key, null, e.Message);
        }
    }
}
