using System.Globalization;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Grpc.Core;
using OrderPlatform.DevSidecar.Api;

namespace OrderPlatform.DevSidecar.State.Query;

public sealed record StateQueryItem(string Key, ByteString Data, string ETag);

/// <summary>One page of results; Token is set when more results follow.</summary>
public sealed record StateQueryResult(IReadOnlyList<StateQueryItem> Results, string? Token);

/// <summary>Runs a query over JSON values (non-JSON values are skipped): filter, then sort, then page.</summary>
public static class StateQueryEngine
{
    public static StateQueryResult Run(
        StateQuery query, IEnumerable<KeyValuePair<string, StateEntry>> entries, int prefixLength, string storeName)
    {
        ArgumentNullException.ThrowIfNull(query);
        var offset = query.Token is null ? 0 : DecodeToken(query.Token, storeName);
        var matches = new List<(string Key, StateEntry Entry, JsonElement Value)>();
        foreach (var (key, entry) in entries)
        {
            if (TryParse(entry, out var value) && (query.Filter?.Matches(value) ?? true))
            {
                matches.Add((key[prefixLength..], entry, value));
            }
        }

        matches.Sort((a, b) => CompareBySort(query.Sort, a.Value, b.Value) is var c && c != 0 ? c : string.CompareOrdinal(a.Key, b.Key));
        var page = matches.Skip(offset).Take(query.Limit > 0 ? query.Limit : int.MaxValue).ToList();
        var next = offset + page.Count;
        return new StateQueryResult(
            [.. page.Select(m => new StateQueryItem(m.Key, m.Entry.Value, m.Entry.ETag))],
            query.Limit > 0 && next < matches.Count ? EncodeToken(next) : null);
    }

    private static int CompareBySort(IReadOnlyList<QuerySort> sort, JsonElement left, JsonElement right)
    {
        foreach (var key in sort)
        {
            var hasLeft = JsonPath.TryGet(left, key.Path, out var l);
            var hasRight = JsonPath.TryGet(right, key.Path, out var r);
            var result = (hasLeft, hasRight) switch
            {
                (true, true) => JsonValues.Compare(l, r),
                (false, false) => 0,
                (false, true) => -1,
                (true, false) => 1,
            };
            if (result != 0)
            {
                return key.Descending ? -result : result;
            }
        }

        return 0;
    }

    private static bool TryParse(StateEntry entry, out JsonElement value)
    {
        try
        {
            var reader = new Utf8JsonReader(entry.Value.Span);
            value = JsonElement.ParseValue(ref reader);
            return true;
        }
        catch (JsonException)
        {
            value = default;
            return false;
        }
    }

    private static string EncodeToken(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("offset:" + offset.ToString(CultureInfo.InvariantCulture)));

    private static int DecodeToken(string token, string storeName)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith("offset:", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // falls through to Dapr's query error
        }

        throw new DaprApiException(500, StatusCode.Internal, "ERR_STATE_QUERY",
            $"failed query in state store {storeName}: invalid continuation token '{token}'");
    }
}
