using Google.Protobuf;
using OrderPlatform.DevSidecar.State.Query;
using P = Dapr.Client.Autogen.Grpc.v1;

namespace OrderPlatform.DevSidecar.State.Rpc;

/// <summary>Conversions between Dapr.Protos state messages and the sidecar's state types.</summary>
internal static class ProtoState
{
    /// <summary>
    /// A gRPC state item. <paramref name="jsonByContentType"/>: daprd's SaveState parses the value as JSON when the
    /// item's metadata says <c>contentType: application/json</c> (dapr/dapr pkg/api/grpc/grpc.go); its
    /// ExecuteStateTransaction always passes the bytes as they are.
    /// </summary>
    public static StateOperation ToOperation(P.StateItem item, bool delete = false, bool jsonByContentType = false)
    {
        var options = item.Options;
        StateOperation.ValidateConsistency(options is null ? null : Consistency(options.Consistency));
        var value = delete ? null : item.Value ?? ByteString.Empty;
        var isJson = jsonByContentType && item.Metadata.TryGetValue("contentType", out var type) && type == "application/json";
        if (isJson && value is not null)
        {
            EnsureJson(value);
        }

        return new StateOperation(
            item.Key,
            value,
            item.Etag?.Value,
            options?.Concurrency == P.StateOptions.Types.StateConcurrency.ConcurrencyFirstWrite
                ? StateConcurrency.FirstWrite
                : StateConcurrency.LastWrite,
            item.Metadata,
            isJson);
    }

    /// <summary>daprd returns json.Unmarshal's error as it is, which gRPC reports as Unknown.</summary>
    private static void EnsureJson(ByteString value)
    {
        try
        {
            var reader = new System.Text.Json.Utf8JsonReader(value.Span);
            System.Text.Json.JsonElement.ParseValue(ref reader);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new Api.DaprApiException(500, Grpc.Core.StatusCode.Unknown, "ERR_STATE_SAVE", e.Message);
        }
    }

    public static StateOperation ToDelete(P.DeleteStateRequest request) =>
        ToOperation(new P.StateItem { Key = request.Key, Etag = request.Etag, Options = request.Options }, delete: true);

    public static P.GetStateResponse ToResponse(StateEntry? entry)
    {
        var response = new P.GetStateResponse();
        if (entry is not null)
        {
            response.Data = entry.Value;
            response.Etag = entry.ETag;
            AddTtl(entry, response.Metadata);
        }

        return response;
    }

    public static P.BulkStateItem ToBulkItem(string key, StateEntry? entry)
    {
        var item = new P.BulkStateItem { Key = key };
        if (entry is not null)
        {
            item.Data = entry.Value;
            item.Etag = entry.ETag;
            AddTtl(entry, item.Metadata);
        }

        return item;
    }

    public static P.QueryStateResponse ToResponse(StateQueryResult result)
    {
        var response = new P.QueryStateResponse { Token = result.Token ?? string.Empty };
        response.Results.AddRange(result.Results.Select(r => new P.QueryStateItem { Key = r.Key, Data = r.Data, Etag = r.ETag }));
        return response;
    }

    private static void AddTtl(StateEntry entry, Google.Protobuf.Collections.MapField<string, string> metadata)
    {
        if (entry.ExpiresAt is { } expiry)
        {
            metadata["ttlExpireTime"] = expiry.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private static string? Consistency(P.StateOptions.Types.StateConsistency consistency) => consistency switch
    {
        P.StateOptions.Types.StateConsistency.ConsistencyEventual => "eventual",
        P.StateOptions.Types.StateConsistency.ConsistencyStrong => "strong",
        P.StateOptions.Types.StateConsistency.ConsistencyUnspecified => null,
        _ => consistency.ToString(),
    };
}
