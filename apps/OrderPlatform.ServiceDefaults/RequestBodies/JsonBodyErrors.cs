using System.Text.Json;
using System.Text.RegularExpressions;

namespace OrderPlatform.ServiceDefaults.RequestBodies;

/// <summary>
/// Turns a <see cref="JsonException"/> from reading a body into validation errors keyed by the field's JSON path
/// (<c>items[0].quantity</c>): a missing or null required field "is required", an unknown one "is not a field of this
/// body", anything else (wrong type, malformed JSON) "is not valid JSON for this field".
/// </summary>
public static partial class JsonBodyErrors
{
    public const string NotValidJson = "The value is not valid JSON for this field.";

    /// <param name="exception">What reading the body threw.</param>
    /// <param name="rootField">The key for an error about the body as a whole (not an object, malformed JSON).</param>
    public static Dictionary<string, string[]> From(JsonException exception, string rootField = "body")
    {
        ArgumentNullException.ThrowIfNull(exception);
        var at = FieldOf(exception.Path);
        var message = exception.Message;
        if (MissingRequired().Match(message) is { Success: true } missing)
        {
            return QuotedName().Matches(missing.Groups["names"].Value)
                .Select(name => name.Groups["name"].Value)
                .Distinct(StringComparer.Ordinal)
                .ToDictionary(name => Join(at, name), name => new[] { Required(name) }, StringComparer.Ordinal);
        }

        var error = IsNullForNonNullable(exception) ? Required(LeafOf(at, rootField))
            : UnknownMember().IsMatch(message) ? $"'{LeafOf(at, rootField)}' is not a field of this body; check its spelling."
            : NotValidJson;
        return new Dictionary<string, string[]>(StringComparer.Ordinal) { [at.Length == 0 ? rootField : at] = [error] };
    }

    public static string Required(string name) => $"'{name}' is required.";

    /// <summary><c>$.items[0].quantity</c> → <c>items[0].quantity</c>; the root (<c>$</c>) → empty.</summary>
    public static string FieldOf(string? path) => (path ?? string.Empty).TrimStart('$').TrimStart('.');

    /// <summary>
    /// A <c>null</c> where none is allowed: refused by the nullable annotations (reference types), or a value type's
    /// converter found a Null token (<c>"quantity": null</c>).
    /// </summary>
    private static bool IsNullForNonNullable(JsonException exception) =>
        NullNotAllowed().IsMatch(exception.Message)
        || exception.InnerException is InvalidOperationException inner && inner.Message.Contains("token type 'Null'", StringComparison.Ordinal);

    private static string Join(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    private static string LeafOf(string field, string rootField) =>
        field.Length == 0 ? rootField : field[(field.LastIndexOf('.') + 1)..];

    [GeneratedRegex("missing required properties including: (?<names>.+)$", RegexOptions.Singleline)]
    private static partial Regex MissingRequired();

    [GeneratedRegex("'(?<name>[^']+)'")]
    private static partial Regex QuotedName();

    [GeneratedRegex("doesn't allow (setting )?null values")]
    private static partial Regex NullNotAllowed();

    [GeneratedRegex("could not be mapped to any \\.NET member")]
    private static partial Regex UnknownMember();
}
