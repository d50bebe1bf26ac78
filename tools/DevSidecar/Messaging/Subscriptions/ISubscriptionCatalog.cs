namespace OrderPlatform.DevSidecar.Messaging.Subscriptions;

/// <summary>The subscriptions the sidecar discovered (for /v1.0/metadata and for tests waiting on discovery).</summary>
public interface ISubscriptionCatalog
{
    IReadOnlyList<Subscription> All { get; }

    IReadOnlyList<Subscription> ForApp(string appId);

    /// <summary>True once the app answered GET /dapr/subscribe (its subscriptions are then active).</summary>
    bool IsDiscovered(string appId);

    /// <summary>Completes when the app's subscriptions are discovered (or the token is cancelled).</summary>
    Task WhenDiscoveredAsync(string appId, CancellationToken cancellationToken = default);
}
