using System.Collections.Concurrent;

namespace OrderPlatform.DevSidecar.Tests.Workflows.Support;

/// <summary>What the sample activities did, per app (activities get it by constructor injection).</summary>
internal sealed class ActivityJournal
{
    private readonly ConcurrentQueue<string> entries = new();

    public void Add(string entry) => entries.Enqueue(entry);

    public IReadOnlyList<string> For(string instanceKey) =>
        [.. entries.Where(e => e.Contains(instanceKey, StringComparison.Ordinal))];
}
