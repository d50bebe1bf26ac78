using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OrderPlatform.ServiceDefaults.RequestBodies;

/// <summary>
/// Turns a <see cref="JsonException"/> from reading a body into validation errors keyed by the field's JSON path
/// (<c>items[0].quantity</c>): a missing or null required field "is required", an unknown one "is not a field of this
/// body", anything else (wrong type, malformed JSON) "is not valid JSON for this field".
/// Only structure decides, never the exception's message (its wording and language are System.Text.Json's to change):
/// the exception's <see cref="JsonException.Path"/> is followed through the target type's contract
/// (<see cref="JsonTypeInfo"/>) and the document that was read. A path that ends at a member the contract does not
/// have is an unknown field; at a JSON <c>null</c> where the member allows none, a required one; at an object that
/// lacks members the contract requires, those are required.
/// </summary>
public static class JsonBodyErrors
{
    public const string NotValidJson = "The value is not valid JSON for this field.";

    /// <param name="exception">What reading the body threw.</param>
    /// <param name="target">The contract of the type the body was read as (from the options it was read with).</param>
    /// <param name="document">The body as a JSON document; null when it is not JSON at all.</param>
    /// <param name="rootField">The key for an error about the body as a whole (not an object, malformed JSON).</param>
    public static Dictionary<string, string[]> From(JsonException exception, JsonTypeInfo target, JsonElement? document, string rootField = "body")
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(target);
        var at = FieldOf(exception.Path);
        var key = at.Length == 0 ? rootField : at;
        if (document is not { } root || Segments(exception.Path) is not { } segments)
        {
            return Single(key, NotValidJson);
        }

        var node = Walk(target, root, segments);
        if (node.UnknownMember)
        {
            return Single(key, $"'{LeafOf(at, rootField)}' is not a field of this body; check its spelling.");
        }

        if (node.Element is { ValueKind: JsonValueKind.Null } && node.Property is { } property && !AllowsNull(property))
        {
            return Single(key, Required(LeafOf(at, rootField)));
        }

        if (node is { Element: { ValueKind: JsonValueKind.Object } obj, Contract: { Kind: JsonTypeInfoKind.Object } contract })
        {
            var comparer = NameComparer(contract.Options);
            var present = obj.EnumerateObject().Select(p => p.Name).ToHashSet(comparer);
            var missing = contract.Properties.Where(p => p.IsRequired && !present.Contains(p.Name)).Select(p => p.Name).ToList();
            if (missing.Count > 0)
            {
                return missing.Distinct(StringComparer.Ordinal)
                    .ToDictionary(name => Join(at, name), name => new[] { Required(name) }, StringComparer.Ordinal);
            }
        }

        return Single(key, NotValidJson);
    }

    public static string Required(string name) => $"'{name}' is required.";

    /// <summary><c>$.items[0].quantity</c> → <c>items[0].quantity</c>; the root (<c>$</c>) → empty.</summary>
    public static string FieldOf(string? path) => (path ?? string.Empty).TrimStart('$').TrimStart('.');

    /// <summary>Where a path leads in the contract and the document; what is unknown on the way stays null.</summary>
    private sealed record Node(JsonTypeInfo? Contract, JsonElement? Element, JsonPropertyInfo? Property, bool UnknownMember);

    private static Node Walk(JsonTypeInfo target, JsonElement root, List<object> segments)
    {
        JsonTypeInfo? contract = target;
        JsonElement? element = root;
        JsonPropertyInfo? property = null;
        for (var i = 0; i < segments.Count; i++)
        {
            property = null;
            switch (segments[i])
            {
                case string name when contract is { Kind: JsonTypeInfoKind.Object }:
                    var comparer = NameComparer(contract.Options);
                    property = contract.Properties.FirstOrDefault(p => comparer.Equals(p.Name, name));
                    if (property is null)
                    {
                        return new Node(null, null, null, UnknownMember: i == segments.Count - 1);
                    }

                    element = Member(element, name, comparer);
                    contract = contract.Options.GetTypeInfo(property.PropertyType);
                    break;
                case string name when contract is { Kind: JsonTypeInfoKind.Dictionary, ElementType: { } valueType }:
                    element = Member(element, name, StringComparer.Ordinal);
                    contract = contract.Options.GetTypeInfo(valueType);
                    break;
                case int index when contract is { Kind: JsonTypeInfoKind.Enumerable, ElementType: { } itemType }:
                    element = element is { ValueKind: JsonValueKind.Array } array && index < array.GetArrayLength() ? array[index] : null;
                    contract = contract.Options.GetTypeInfo(itemType);
                    break;
                default:
                    return new Node(null, null, null, UnknownMember: false);
            }
        }

        return new Node(contract, element, property, UnknownMember: false);
    }

    private static JsonElement? Member(JsonElement? element, string name, StringComparer comparer) =>
        element is { ValueKind: JsonValueKind.Object } obj
            ? obj.EnumerateObject().Where(p => comparer.Equals(p.Name, name)).Select(p => (JsonElement?)p.Value).FirstOrDefault()
            : null;

    /// <summary>
    /// Whether reading may put null in the member: a nullable value type, or a reference type whose constructor
    /// parameter or setter is annotated nullable (<see cref="JsonSerializerOptions.RespectNullableAnnotations"/>).
    /// </summary>
    private static bool AllowsNull(JsonPropertyInfo property) =>
        property.PropertyType.IsValueType
            ? Nullable.GetUnderlyingType(property.PropertyType) is not null
            : property.AssociatedParameter?.IsNullable ?? property.IsSetNullable;

    private static StringComparer NameComparer(JsonSerializerOptions options) =>
        options.PropertyNameCaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>
    /// A System.Text.Json path (<c>$.a[0].b</c>, <c>$['a.b']</c>) as property names (string) and indexes (int);
    /// null when it does not read as one.
    /// </summary>
    private static List<object>? Segments(string? path)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '$')
        {
            return null;
        }

        var segments = new List<object>();
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                segments.Add(path[(i + 1)..end]);
                i = end;
            }
            else if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '\'')
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return null;
                }

                segments.Add(path[(i + 2)..end]);
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i + 1);
                if (end < 0 || !int.TryParse(path.AsSpan(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    return null;
                }

                segments.Add(index);
                i = end + 1;
            }
            else
            {
                return null;
            }
        }

        return segments;
    }

    private static Dictionary<string, string[]> Single(string key, string error) =>
        new(StringComparer.Ordinal) { [key] = [error] };

    private static string Join(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    private static string LeafOf(string field, string rootField) =>
        field.Length == 0 ? rootField : field[(field.LastIndexOf('.') + 1)..];
}
