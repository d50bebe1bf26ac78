using OrderPlatform.DevSidecar.MetadataApi;

namespace OrderPlatform.DevSidecar.Messaging.Subscriptions;

/// <summary>
/// Lists the discovered subscriptions in /v1.0/metadata as daprd does: the rules in order, then the default route as a
/// rule with an empty match.
/// </summary>
internal sealed class MetadataSubscriptionSource(ISubscriptionCatalog catalog) : ISubscriptionSource
{
    public IReadOnlyList<MetadataSubscription> GetSubscriptions(string appId) =>
        [.. catalog.ForApp(appId).Select(s => new MetadataSubscription(
            s.PubsubName,
            s.Topic,
            s.DeadLetterTopic,
            [.. s.Rules.Select(r => new MetadataSubscriptionRule(r.Match, r.Path)),
             .. s.DefaultRoute is { } route ? [new MetadataSubscriptionRule(string.Empty, route)] : Array.Empty<MetadataSubscriptionRule>()],
            s.Type))];
}
