using System.Collections.Concurrent;

namespace OrderPlatform.DevSidecar.Messaging.Subscriptions;

internal sealed class SubscriptionCatalog : ISubscriptionCatalog
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<Subscription>> byApp = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> discovered = new(StringComparer.Ordinal);

    public IReadOnlyList<Subscription> All => [.. byApp.Values.SelectMany(s => s)];

    public IReadOnlyList<Subscription> ForApp(string appId) => byApp.GetValueOrDefault(appId) ?? [];

    public bool IsDiscovered(string appId) => Signal(appId).Task.IsCompleted;

    public Task WhenDiscoveredAsync(string appId, CancellationToken cancellationToken = default) =>
        Signal(appId).Task.WaitAsync(cancellationToken);

    public void Register(string appId, IReadOnlyList<Subscription> subscriptions)
    {
        byApp[appId] = subscriptions;
        Signal(appId).TrySetResult();
    }

    private TaskCompletionSource Signal(string appId) =>
        discovered.GetOrAdd(appId, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
