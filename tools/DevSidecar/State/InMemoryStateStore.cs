using System.Globalization;

namespace OrderPlatform.DevSidecar.State;

/// <summary>
/// One state component's data (keys already prefixed). Every write set is validated as a whole (ETags, first-write)
/// before any of it applies, so a transaction is atomic; reads are always strongly consistent.
/// </summary>
public sealed class InMemoryStateStore(TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, StateEntry> entries = new(StringComparer.Ordinal);
    private long version;

    /// <summary>Live keys and the bytes of their values (for <c>GET /v1.0/dev/memory</c>).</summary>
    public StateStoreUsage Measure()
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            var (keys, bytes) = (0, 0L);
            foreach (var entry in entries.Values.Where(e => !e.IsExpired(now)))
            {
                keys++;
                bytes += entry.Value.Length;
            }

            return new StateStoreUsage(keys, bytes);
        }
    }

    public StateEntry? Get(string key)
    {
        lock (gate)
        {
            return Live(key, time.GetUtcNow());
        }
    }

    /// <summary>Applies all writes or none: throws <see cref="StateWriteException"/> before changing anything.</summary>
    public void Apply(IReadOnlyList<StateWrite> writes)
    {
        ArgumentNullException.ThrowIfNull(writes);
        if (writes.Count == 1)
        {
            Apply(writes[0]);
            return;
        }

        lock (gate)
        {
            var now = time.GetUtcNow();
            var pending = new Dictionary<string, StateEntry?>(StringComparer.Ordinal);
            var next = version;
            foreach (var write in writes)
            {
                var current = pending.TryGetValue(write.Key, out var staged) ? staged : Live(write.Key, now);
                Check(write, current);
                pending[write.Key] = write.IsDelete
                    ? null
                    : new StateEntry(write.Value!, (++next).ToString(CultureInfo.InvariantCulture), now + write.Ttl, write.IsJson);
            }

            version = next;
            foreach (var (key, entry) in pending)
            {
                if (entry is null)
                {
                    entries.Remove(key);
                }
                else
                {
                    entries[key] = entry;
                }
            }
        }
    }

    /// <summary>One write (the hot path of save/delete): checked and applied under the lock, no staging.</summary>
    public void Apply(StateWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        lock (gate)
        {
            var now = time.GetUtcNow();
            Check(write, Live(write.Key, now));
            if (write.IsDelete)
            {
                entries.Remove(write.Key);
                return;
            }

            entries[write.Key] = new StateEntry(
                write.Value!, (++version).ToString(CultureInfo.InvariantCulture), now + write.Ttl, write.IsJson);
        }
    }

    /// <summary>Every live entry (for the query API, which, as <c>state.postgresql</c> v1's, reads the whole table).</summary>
    public List<KeyValuePair<string, StateEntry>> Snapshot()
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            return [.. entries.Where(e => !e.Value.IsExpired(now))];
        }
    }

    /// <summary>
    /// The checks <c>state.postgresql</c> v1 makes (components-contrib common/component/postgresql/v1/postgresql.go):
    /// an ETag must be an unsigned 32-bit number and match the live row; without one, last-write always writes and
    /// first-write only inserts. A delete without an ETag always succeeds.
    /// </summary>
    private static void Check(StateWrite write, StateEntry? current)
    {
        if (string.IsNullOrEmpty(write.ETag))
        {
            // The insert's ON CONFLICT update finds a live row and changes nothing: no ETag error, just this.
            if (write.Concurrency == StateConcurrency.FirstWrite && !write.IsDelete && current is not null)
            {
                throw new StateWriteException(write.Key, StateWriteFailure.NotUpdated, "no item was updated");
            }

            return;
        }

        if (InvalidETag(write.ETag) is { } reason)
        {
            throw new StateWriteException(write.Key, StateWriteFailure.ETagInvalid,
                $"invalid etag value: strconv.ParseUint: parsing \"{write.ETag}\": {reason}");
        }

        if (current is null || !string.Equals(current.ETag, write.ETag, StringComparison.Ordinal))
        {
            throw new StateWriteException(write.Key, StateWriteFailure.ETagMismatch, ETagMismatch);
        }
    }

    private const string ETagMismatch = "possible etag mismatch. error from state store";

    /// <summary>Why Go's <c>strconv.ParseUint(etag, 10, 32)</c> refuses the ETag, or null when it parses.</summary>
    private static string? InvalidETag(string etag) =>
        !etag.All(char.IsAsciiDigit) ? "invalid syntax"
        : !uint.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? "value out of range"
        : null;

    private StateEntry? Live(string key, DateTimeOffset now)
    {
        if (!entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (!entry.IsExpired(now))
        {
            return entry;
        }

        entries.Remove(key);
        return null;
    }
}
