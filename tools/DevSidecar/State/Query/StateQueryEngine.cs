using System.Globalization;
using System.Text.Json;
using Google.Protobuf;
using Grpc.Core;
using OrderPlatform.DevSidecar.Api;

namespace OrderPlatform.DevSidecar.State.Query;

public sealed record StateQueryItem(string Key, ByteString Data, string ETag);

/// <summary>One page of results; Token is the offset of the next page (see <see cref="StateQueryEngine"/>).</summary>
public sealed record StateQueryResult(IReadOnlyList<StateQueryItem> Results, string? Token);

/// <summary>
/// Runs a query as <c>state.postgresql</c> v1 does (components-contrib common/component/postgresql/v1/postgresql_query.go):
/// over the whole table, whichever app's key prefix a row has (results carry the key without it, as daprd's
/// <c>GetOriginalStateKey</c> strips it); a filter compares a field's text (<c>value-&gt;&gt;'field'</c>) with the query
/// value's text, so raw-bytes values, stored as a base64 JSON string, match no filter (and come back as that string
/// when there is none); sort orders by the field's text, missing fields last (ASC) or first (DESC); the page token is
/// the offset of the next page, given whenever a page limit is set and the page is not empty.
/// </summary>
public static class StateQueryEngine
{
    public static StateQueryResult Run(StateQuery query, IEnumerable<KeyValuePair<string, StateEntry>> entries, string storeName)
    {
        ArgumentNullException.ThrowIfNull(query);
        var offset = query.Token is null ? 0 : DecodeToken(query.Token, storeName);
        var matches = new List<(string Key, StateEntry Entry, JsonElement Document)>();
        foreach (var (key, entry) in entries)
        {
            var document = StoredDocument(entry);
            if (query.Filter?.Matches(document) ?? true)
            {
                matches.Add((OriginalKey(key), entry, document));
            }
        }

        matches.Sort((a, b) => CompareBySort(query.Sort, a.Document, b.Document) is var c && c != 0 ? c : string.CompareOrdinal(a.Key, b.Key));
        var page = matches.Skip(offset).Take(query.Limit > 0 ? query.Limit : int.MaxValue).ToList();
        return new StateQueryResult(
            [.. page.Select(m => new StateQueryItem(m.Key, m.Entry.IsJson ? m.Entry.Value : ByteString.CopyFromUtf8(m.Document.GetRawText()), m.Entry.ETag))],
            query.Limit > 0 && page.Count > 0 ? (offset + page.Count).ToString(CultureInfo.InvariantCulture) : null);
    }

    /// <summary>What the store's <c>value</c> column holds: the JSON document, or raw bytes as a base64 JSON string.</summary>
    private static JsonElement StoredDocument(StateEntry entry)
    {
        if (entry.IsJson)
        {
            try
            {
                var reader = new Utf8JsonReader(entry.Value.Span);
                return JsonElement.ParseValue(ref reader);
            }
            catch (JsonException)
            {
                // Not reachable through the APIs (daprd parses JSON values first); treated as bytes.
            }
        }

        return JsonSerializer.SerializeToElement(Convert.ToBase64String(entry.Value.Span));
    }

    /// <summary>dapr/dapr pkg/components/state/state_config.go GetOriginalStateKey: the part after the last "||".</summary>
    private static string OriginalKey(string key)
    {
        var separator = key.LastIndexOf(StateKeys.Separator, StringComparison.Ordinal);
        return separator < 0 ? key : key[(separator + StateKeys.Separator.Length)..];
    }

    /// <summary>ORDER BY value->>'field': text order (ordinal here; the database's collation there), NULLs last ASC.</summary>
    private static int CompareBySort(IReadOnlyList<QuerySort> sort, JsonElement left, JsonElement right)
    {
        foreach (var key in sort)
        {
            var (l, r) = (JsonPath.FieldText(left, key.Path), JsonPath.FieldText(right, key.Path));
            var result = (l, r) switch
            {
                (null, null) => 0,
                (null, _) => 1,
                (_, null) => -1,
                _ => string.CompareOrdinal(l, r),
            };
            if (result != 0)
            {
                return key.Descending ? -result : result;
            }
        }

        return 0;
    }

    /// <summary>The token is an offset (Go's strconv.ParseInt); anything else fails the query as daprd reports it.</summary>
    private static int DecodeToken(string token, string storeName) =>
        int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var offset) && offset >= 0
            ? offset
            : throw new DaprApiException(500, StatusCode.Internal, "ERR_STATE_QUERY",
                $"state store {storeName} query failed: strconv.ParseInt: parsing \"{token}\": invalid syntax");
}
