using System.Text.Json;
using OrderPlatform.DevSidecar.Messaging.Routing;

namespace OrderPlatform.DevSidecar.Messaging.Subscriptions;

/// <summary>A routing rule of a v2 subscription: deliver to <paramref name="Path"/> when <paramref name="Match"/> holds.</summary>
public sealed record RouteRule(string Match, string Path)
{
    public RouteExpression Expression { get; } = RouteExpression.Parse(Match);
}

/// <summary>One app's subscription to a topic of a pub/sub component (from GET /dapr/subscribe).</summary>
public sealed record Subscription(
    string AppId,
    string PubsubName,
    string Topic,
    IReadOnlyList<RouteRule> Rules,
    string? DefaultRoute,
    string? DeadLetterTopic,
    IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>PROGRAMMATIC (from the app) — the `type` /v1.0/metadata reports.</summary>
    public string Type { get; init; } = "PROGRAMMATIC";

    /// <summary>`metadata.rawPayload: "true"`: the app receives non-CloudEvent messages wrapped as data_base64.</summary>
    public bool RawPayload =>
        (Metadata.TryGetValue("rawPayload", out var raw) || Metadata.TryGetValue("isRawPayload", out raw))
        && bool.TryParse(raw, out var isRaw) && isRaw;

    /// <summary>The first rule whose match holds, else the default route; null when nothing applies (the event is dropped).</summary>
    public string? SelectRoute(JsonElement? cloudEvent) =>
        Rules.FirstOrDefault(r => r.Expression.Matches(cloudEvent))?.Path ?? DefaultRoute;
}
