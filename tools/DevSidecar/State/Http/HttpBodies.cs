using System.Text;
using System.Text.Json;
using Google.Protobuf;
using OrderPlatform.DevSidecar.Api;

namespace OrderPlatform.DevSidecar.State.Http;

/// <summary>Reads JSON request bodies (bad JSON → Dapr's ERR_MALFORMED_REQUEST) and converts stored bytes to JSON.</summary>
internal static class HttpBodies
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<T> ReadAsync<T>(HttpRequest request)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, Json, request.HttpContext.RequestAborted)
                ?? throw DaprErrors.MalformedRequest("the body is empty");
        }
        catch (JsonException e)
        {
            throw DaprErrors.MalformedRequest(e.Message);
        }
    }

    /// <summary>A request value as Dapr stores it: its JSON text (a JSON string keeps its quotes).</summary>
    public static ByteString ToBytes(JsonElement? value) =>
        value is { } v ? ByteString.CopyFromUtf8(v.GetRawText()) : ByteString.CopyFromUtf8("null");

    /// <summary>Stored bytes as a JSON value: JSON as is, anything else as a JSON string.</summary>
    public static JsonElement ToJson(ByteString data)
    {
        try
        {
            var reader = new Utf8JsonReader(data.Span);
            return JsonElement.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(Encoding.UTF8.GetString(data.Span));
        }
    }

    public static StateOperation ToOperation(HttpStateItem? item, string field, bool delete = false)
    {
        if (item is null || string.IsNullOrEmpty(item.Key))
        {
            throw DaprErrors.MalformedRequest($"{field}.key is required");
        }

        StateOperation.ValidateConsistency(item.Options?.Consistency);
        return new StateOperation(
            item.Key,
            delete ? null : ToBytes(item.Value),
            item.Etag,
            StateOperation.ParseConcurrency(item.Options?.Concurrency),
            item.Metadata);
    }
}
