using System.Text.Json;
using OrderPlatform.DevSidecar.Api;

namespace OrderPlatform.DevSidecar.State.Query;

/// <summary>Parses Dapr's query JSON: <c>{"filter":{"EQ"|"IN"|"AND"|"OR":…},"sort":[{"key","order"}],"page":{"limit","token"}}</c>.</summary>
public static class StateQueryParser
{
    public static StateQuery Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json);
            var root = document.RootElement;
            var filter = root.TryGetProperty("filter", out var f) && f.EnumerateObject().Any() ? ParseFilter(f) : null;
            var sort = root.TryGetProperty("sort", out var s) ? [.. s.EnumerateArray().Select(ParseSort)] : Array.Empty<QuerySort>();
            var limit = 0;
            string? token = null;
            if (root.TryGetProperty("page", out var page))
            {
                limit = page.TryGetProperty("limit", out var l) ? l.GetInt32() : 0;
                token = page.TryGetProperty("token", out var t) ? t.GetString() : null;
            }

            return new StateQuery(filter, sort, Math.Max(limit, 0), string.IsNullOrEmpty(token) ? null : token);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw DaprErrors.MalformedRequest(e.Message);
        }
    }

    private static QueryFilter ParseFilter(JsonElement node)
    {
        var properties = node.EnumerateObject().ToList();
        if (properties.Count != 1)
        {
            throw new FormatException("a filter object must have exactly one operation (EQ, IN, AND, OR)");
        }

        var (op, operand) = (properties[0].Name, properties[0].Value);
        return op switch
        {
            "AND" => new AndFilter([.. operand.EnumerateArray().Select(ParseFilter)]),
            "OR" => new OrFilter([.. operand.EnumerateArray().Select(ParseFilter)]),
            "EQ" => Single(operand, (path, value) => new EqFilter(path, value.Clone())),
            "IN" => Single(operand, (path, value) => new InFilter(path, [.. value.EnumerateArray().Select(v => v.Clone())])),
            _ => throw new FormatException($"filter operation '{op}' is not supported (EQ, IN, AND, OR)"),
        };
    }

    private static QueryFilter Single(JsonElement operand, Func<string[], JsonElement, QueryFilter> create)
    {
        var field = operand.EnumerateObject().Single();
        return create(JsonPath.Parse(field.Name), field.Value);
    }

    private static QuerySort ParseSort(JsonElement node)
    {
        var key = node.GetProperty("key").GetString() ?? throw new FormatException("sort key is required");
        var order = node.TryGetProperty("order", out var o) ? o.GetString() : "ASC";
        return order switch
        {
            "ASC" or null => new QuerySort(JsonPath.Parse(key), false),
            "DESC" => new QuerySort(JsonPath.Parse(key), true),
            _ => throw new FormatException($"sort order '{order}' is not supported (ASC, DESC)"),
        };
    }
}
