using OrderPlatform.DevSidecar.State;

namespace OrderPlatform.DevSidecar.Telemetry;

/// <summary>
/// <c>GET /v1.0/dev/memory</c>: the sidecar's working set and managed heap next to the data its in-memory state stores
/// hold, so a benchmark can tell the sidecar's own footprint from the data that daprd would keep in Redis.
/// </summary>
public sealed record MemoryReport(
    long WorkingSetBytes, long GcHeapBytes, long GcCommittedBytes, IReadOnlyDictionary<string, StateStoreUsage> StateStores)
{
    public static MemoryReport Take(StateStores stores)
    {
        ArgumentNullException.ThrowIfNull(stores);
        var gc = GC.GetGCMemoryInfo();
        return new MemoryReport(Environment.WorkingSet, gc.HeapSizeBytes, gc.TotalCommittedBytes, stores.Measure());
    }
}
