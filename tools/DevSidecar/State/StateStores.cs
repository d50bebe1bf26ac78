using System.Collections.Concurrent;
using OrderPlatform.DevSidecar.Configuration;
using OrderPlatform.DevSidecar.Faults;

namespace OrderPlatform.DevSidecar.State;

/// <summary>Singleton: one in-memory store per state component, resolved per calling app (scopes, key prefix).</summary>
public sealed class StateStores(ComponentRegistry components, TimeProvider time, SidecarFaults faults)
{
    private readonly ConcurrentDictionary<string, InMemoryStateStore> stores = new(StringComparer.Ordinal);

    /// <summary>Keys and value bytes held per state component (only components some app has used).</summary>
    public IReadOnlyDictionary<string, StateStoreUsage> Measure() =>
        stores.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(s => s.Key, s => s.Value.Measure(), StringComparer.Ordinal);

    /// <summary>The store named <paramref name="storeName"/> as <paramref name="appId"/> sees it; Dapr's error otherwise.</summary>
    public StateScope Open(string appId, string storeName)
    {
        var component = components.Resolve(appId, storeName, "state.");
        var store = stores.GetOrAdd(component.Name, static (_, clock) => new InMemoryStateStore(clock), time);
        return new StateScope(component.Name, store, StateKeys.Prefix(component, appId), () => faults.StateWritesFail(component.Name));
    }
}
