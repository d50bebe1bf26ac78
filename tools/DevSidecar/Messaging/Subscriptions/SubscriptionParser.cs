using System.Text.Json;

namespace OrderPlatform.DevSidecar.Messaging.Subscriptions;

/// <summary>
/// Parses an app's GET /dapr/subscribe answer: v1 items (`route`) and v2 items (`routes: {rules:[{match, path}],
/// default}`), `deadLetterTopic` and `metadata`. Property names are matched case-insensitively, as daprd (Go) does,
/// so both `pubsubname` and the .NET SDK's `pubsubName` work. Paths get a leading '/'.
/// </summary>
public static class SubscriptionParser
{
    public static IReadOnlyList<Subscription> Parse(string appId, string json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("GET /dapr/subscribe must answer a JSON array.");
        }

        return [.. document.RootElement.EnumerateArray().Select(item => ParseItem(appId, item))];
    }

    private static Subscription ParseItem(string appId, JsonElement item)
    {
        var pubsub = String(item, "pubsubname") ?? throw new FormatException("A subscription has no pubsubname.");
        var topic = String(item, "topic") ?? throw new FormatException($"A subscription to {pubsub} has no topic.");
        var routes = Property(item, "routes");
        var rules = routes is { ValueKind: JsonValueKind.Object } r && Property(r, "rules") is { ValueKind: JsonValueKind.Array } list
            ? list.EnumerateArray()
                .Select(rule => new RouteRule(
                    String(rule, "match") ?? throw new FormatException($"A rule of {pubsub}/{topic} has no match."),
                    Path(String(rule, "path")) ?? throw new FormatException($"A rule of {pubsub}/{topic} has no path.")))
                .ToList()
            : [];
        var defaultRoute = Path(routes is { ValueKind: JsonValueKind.Object } withDefault ? String(withDefault, "default") : null)
            ?? Path(String(item, "route"));
        var metadata = Property(item, "metadata") is { ValueKind: JsonValueKind.Object } meta
            ? meta.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal)
            : [];
        return new Subscription(appId, pubsub, topic, rules, defaultRoute, String(item, "deadLetterTopic"), metadata);
    }

    private static string? Path(string? path) => string.IsNullOrEmpty(path) ? null : "/" + path.TrimStart('/');

    private static string? String(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value && value.GetString() is { Length: > 0 } text ? text : null;

    private static JsonElement? Property(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }
}
