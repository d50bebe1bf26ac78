using OrderPlatform.DevSidecar.Configuration;

namespace OrderPlatform.DevSidecar.MetadataApi;

public sealed record MetadataComponent(string Name, string Type, string Version, IReadOnlyList<string> Capabilities);

public sealed record MetadataResponse(
    string Id,
    string RuntimeVersion,
    IReadOnlyList<string> EnabledFeatures,
    IReadOnlyList<MetadataComponent> Components,
    IReadOnlyList<MetadataSubscription> Subscriptions,
    IReadOnlyDictionary<string, string> Extended);

/// <summary>What one app's sidecar reports about itself: its components (with capabilities) and subscriptions.</summary>
public sealed class SidecarMetadata(ComponentRegistry components, IEnumerable<ISubscriptionSource> subscriptionSources)
{
    public const string RuntimeVersion = "dev-sidecar";

    public MetadataResponse For(AppDefinition app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return new MetadataResponse(
            app.AppId,
            RuntimeVersion,
            [],
            [.. components.ForApp(app.AppId).Select(c => new MetadataComponent(c.Name, c.Type, c.Version, Capabilities(c)))],
            [.. subscriptionSources.SelectMany(s => s.GetSubscriptions(app.AppId))],
            new Dictionary<string, string> { ["appPort"] = app.AppPort.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }

    private static IReadOnlyList<string> Capabilities(ComponentDefinition component) =>
        component.Type.StartsWith("state.", StringComparison.Ordinal)
            ? component.IsActorStateStore
                ? ["ETAG", "TRANSACTIONAL", "TTL", "QUERY_API", "ACTOR"]
                : ["ETAG", "TRANSACTIONAL", "TTL", "QUERY_API"]
            : [];
}
