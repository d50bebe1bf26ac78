using System.Globalization;
using System.Text.Json;

namespace OrderPlatform.DevSidecar.State.Query;

/// <summary>Dotted paths into a JSON document (<c>person.org</c>) and the text PostgreSQL's <c>-&gt;&gt;</c> gives for them.</summary>
public static class JsonPath
{
    public static string[] Parse(string path) => path.Split('.');

    /// <summary>
    /// <c>value-&gt;'a'-&gt;&gt;'b'</c>: a string's text without quotes, a number's, boolean's, object's or array's JSON
    /// text; null (SQL NULL) when the path is missing, crosses a non-object, or ends at JSON null.
    /// </summary>
    public static string? FieldText(JsonElement document, string[] path)
    {
        var value = document;
        foreach (var segment in path)
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(segment, out value))
            {
                return null;
            }
        }

        return value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => value.GetString(),
            _ => value.GetRawText(),
        };
    }
}

/// <summary>A query value as the PostgreSQL v1 store binds it: Go's <c>fmt.Sprintf("%v", value)</c> of the parsed JSON.</summary>
public static class QueryValues
{
    public static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "<nil>",
        JsonValueKind.Number => Number(value.GetDouble()),
        _ => value.GetRawText(),
    };

    /// <summary>Go's %v of a float64: shortest form, exponent from 1e21 up (<c>5</c>, <c>5.5</c>, <c>1e+21</c>).</summary>
    private static string Number(double number)
    {
        var text = number.ToString("R", CultureInfo.InvariantCulture);
        var exponent = text.IndexOf('E', StringComparison.Ordinal);
        if (exponent < 0)
        {
            return text;
        }

        var power = int.Parse(text.AsSpan(exponent + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return power is >= -4 and < 21
            ? number.ToString("0.####################", CultureInfo.InvariantCulture)
            : text[..exponent] + "e" + (power < 0 ? "-" : "+") + Math.Abs(power).ToString("00", CultureInfo.InvariantCulture);
    }
}
