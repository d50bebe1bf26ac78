using System.Collections.Concurrent;

namespace OrderPlatform.DevSidecar.Faults;

/// <summary>
/// Faults switched on at run time through <see cref="FaultsModule"/> (test/dev only: the endpoints exist only when
/// <c>DevSidecar:Faults:Enabled</c> is true): state writes to a named store, or publishes to a named pub/sub, fail until
/// a deadline. Empty by default, so a sidecar nobody asked for faults answers as before.
/// </summary>
public sealed class SidecarFaults(TimeProvider time)
{
    public const string ConfigKey = "DevSidecar:Faults:Enabled";

    private readonly ConcurrentDictionary<string, DateTimeOffset> stateWrites = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> publishes = new(StringComparer.Ordinal);

    /// <summary>Every write (save, delete, bulk, transaction) to <paramref name="store"/> fails for <paramref name="duration"/>.</summary>
    public void FailStateWrites(string store, TimeSpan duration) => stateWrites[store] = time.GetUtcNow() + duration;

    /// <summary>Every publish to <paramref name="pubsub"/> fails for <paramref name="duration"/>.</summary>
    public void FailPublishes(string pubsub, TimeSpan duration) => publishes[pubsub] = time.GetUtcNow() + duration;

    public void Clear()
    {
        stateWrites.Clear();
        publishes.Clear();
    }

    public bool StateWritesFail(string store) => Active(stateWrites, store);

    public bool PublishesFail(string pubsub) => Active(publishes, pubsub);

    /// <summary>The faults still active, with their end (for <c>GET /v1.0/dev/faults</c>).</summary>
    public FaultsView Snapshot()
    {
        var now = time.GetUtcNow();
        return new FaultsView(
            stateWrites.Where(f => f.Value > now).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal),
            publishes.Where(f => f.Value > now).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal));
    }

    private bool Active(ConcurrentDictionary<string, DateTimeOffset> faults, string name) =>
        !faults.IsEmpty && faults.TryGetValue(name, out var until) && time.GetUtcNow() < until;
}

public sealed record FaultsView(IReadOnlyDictionary<string, DateTimeOffset> StateWrites, IReadOnlyDictionary<string, DateTimeOffset> Publishes);
