using System.Text.Json;

namespace OrderPlatform.DevSidecar.State.Query;

/// <summary>Dotted paths into a JSON value (<c>person.org</c>).</summary>
public static class JsonPath
{
    public static string[] Parse(string path) => path.Split('.');

    public static bool TryGet(JsonElement root, string[] path, out JsonElement value)
    {
        value = root;
        foreach (var segment in path)
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(segment, out value))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>Orders JSON scalars: numbers numerically, strings ordinally, otherwise by kind.</summary>
public static class JsonValues
{
    public static int Compare(JsonElement left, JsonElement right)
    {
        if (left.ValueKind == JsonValueKind.Number && right.ValueKind == JsonValueKind.Number)
        {
            return left.GetDouble().CompareTo(right.GetDouble());
        }

        if (left.ValueKind == JsonValueKind.String && right.ValueKind == JsonValueKind.String)
        {
            return string.CompareOrdinal(left.GetString(), right.GetString());
        }

        var byKind = Rank(left.ValueKind).CompareTo(Rank(right.ValueKind));
        return byKind != 0 ? byKind : string.CompareOrdinal(left.GetRawText(), right.GetRawText());
    }

    private static int Rank(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Null => 0,
        JsonValueKind.False => 1,
        JsonValueKind.True => 2,
        JsonValueKind.Number => 3,
        JsonValueKind.String => 4,
        JsonValueKind.Array => 5,
        JsonValueKind.Object => 6,
        _ => -1,
    };
}
