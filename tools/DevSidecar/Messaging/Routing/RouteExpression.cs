using System.Text.Json;

namespace OrderPlatform.DevSidecar.Messaging.Routing;

/// <summary>
/// A subscription rule's `match`, for the subset of CEL Dapr users write: fields of the CloudEvent (`event.type`,
/// `event.source`, `event.data.field.sub`, `event["key"]`), string/number/bool/null literals, `==` `!=` `&lt;`
/// `&lt;=` `&gt;` `&gt;=`, `!`, `&amp;&amp;`, `||` and parentheses. A missing field or a type mismatch is an
/// error in CEL; here it makes the comparison (and a rule built on it) not match, as daprd skips erroring rules.
/// </summary>
public sealed class RouteExpression
{
    private readonly RouteNode root;

    private RouteExpression(string text, RouteNode root)
    {
        Text = text;
        this.root = root;
    }

    public string Text { get; }

    public static RouteExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new RouteExpression(text, new RouteParser(RouteTokenizer.Tokenize(text), text).ParseAll());
    }

    public bool Matches(JsonElement? cloudEvent) => root.Evaluate(cloudEvent) is true;
}
