using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderPlatform.DevSidecar.State.Http;

/// <summary>Bodies of Dapr's HTTP state API (camelCase JSON).</summary>
internal sealed record HttpStateOptions(string? Concurrency, string? Consistency);

internal sealed record HttpStateItem(
    string? Key, JsonElement? Value, string? Etag, HttpStateOptions? Options, Dictionary<string, string>? Metadata);

internal sealed record HttpBulkGetRequest(List<string>? Keys, int? Parallelism, Dictionary<string, string>? Metadata);

internal sealed record HttpTransactionOperation(string? Operation, HttpStateItem? Request);

internal sealed record HttpTransactionRequest(List<HttpTransactionOperation>? Operations, Dictionary<string, string>? Metadata);

internal sealed record HttpBulkItem(
    string Key,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? Data,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Etag,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error);

internal sealed record HttpQueryItem(string Key, JsonElement Data, string Etag);

internal sealed record HttpQueryResponse(
    IReadOnlyList<HttpQueryItem> Results,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Token);
