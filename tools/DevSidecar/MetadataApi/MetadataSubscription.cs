namespace OrderPlatform.DevSidecar.MetadataApi;

/// <summary>One subscription as <c>/v1.0/metadata</c> lists it.</summary>
public sealed record MetadataSubscription(
    string PubsubName, string Topic, string? DeadLetterTopic, IReadOnlyList<MetadataSubscriptionRule> Rules, string Type);

public sealed record MetadataSubscriptionRule(string Match, string Path);

/// <summary>
/// Seam for the messaging module: register an implementation in DI and its subscriptions appear in the metadata API.
/// </summary>
public interface ISubscriptionSource
{
    IReadOnlyList<MetadataSubscription> GetSubscriptions(string appId);
}
