using System.Globalization;
using System.Text.Json;

namespace OrderPlatform.DevSidecar.Messaging.Routing;

/// <summary>A node of a parsed route expression; evaluates to a bool, string, double, null, a JSON value or Missing.</summary>
internal abstract record RouteNode
{
    /// <summary>An absent field or a type error (CEL raises an error; here it never matches).</summary>
    public static readonly object Missing = new();

    public abstract object? Evaluate(JsonElement? cloudEvent);
}

internal sealed record LiteralNode(object? Value) : RouteNode
{
    public override object? Evaluate(JsonElement? cloudEvent) => Value;
}

/// <summary>`event.a.b` or `event["a"]`: a field of the CloudEvent (data fields under event.data).</summary>
internal sealed record PathNode(IReadOnlyList<string> Segments) : RouteNode
{
    public override object? Evaluate(JsonElement? cloudEvent)
    {
        if (cloudEvent is not { } current)
        {
            return Missing;
        }

        foreach (var segment in Segments)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
            {
                return Missing;
            }
        }

        return current.ValueKind switch
        {
            JsonValueKind.String => current.GetString(),
            JsonValueKind.Number => current.GetDouble(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null => null,
            _ => current.GetRawText(),
        };
    }
}

internal sealed record NotNode(RouteNode Operand) : RouteNode
{
    public override object? Evaluate(JsonElement? cloudEvent) => Operand.Evaluate(cloudEvent) is bool b ? !b : Missing;
}

internal sealed record LogicalNode(bool IsAnd, RouteNode Left, RouteNode Right) : RouteNode
{
    public override object? Evaluate(JsonElement? cloudEvent)
    {
        var left = Left.Evaluate(cloudEvent);
        if (left is bool l && l != IsAnd)
        {
            return l;
        }

        var right = Right.Evaluate(cloudEvent);
        if (right is bool r && r != IsAnd)
        {
            return r;
        }

        return left is bool && right is bool ? IsAnd : Missing;
    }
}

internal sealed record CompareNode(string Operator, RouteNode Left, RouteNode Right) : RouteNode
{
    public override object? Evaluate(JsonElement? cloudEvent)
    {
        var left = Left.Evaluate(cloudEvent);
        var right = Right.Evaluate(cloudEvent);
        if (ReferenceEquals(left, Missing) || ReferenceEquals(right, Missing))
        {
            return Missing;
        }

        if (Operator is "==" or "!=")
        {
            return Equals(left, right) == (Operator == "==");
        }

        int? order = (left, right) switch
        {
            (double a, double b) => a.CompareTo(b),
            (string a, string b) => string.CompareOrdinal(a, b),
            _ => null,
        };
        return order switch
        {
            null => Missing,
            { } o => Operator switch
            {
                "<" => o < 0,
                "<=" => o <= 0,
                ">" => o > 0,
                _ => o >= 0,
            },
        };
    }

    public static object ParseNumber(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
