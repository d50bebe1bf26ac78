using Google.Protobuf;
using OrderPlatform.DevSidecar.State.Query;
using P = Dapr.Client.Autogen.Grpc.v1;

namespace OrderPlatform.DevSidecar.State.Rpc;

/// <summary>Conversions between Dapr.Protos state messages and the sidecar's state types.</summary>
internal static class ProtoState
{
    public static StateOperation ToOperation(P.StateItem item, bool delete = false)
    {
        var options = item.Options;
        StateOperation.ValidateConsistency(options is null ? null : Consistency(options.Consistency));
        return new StateOperation(
            item.Key,
            delete ? null : item.Value ?? ByteString.Empty,
            item.Etag?.Value,
            options?.Concurrency == P.StateOptions.Types.StateConcurrency.ConcurrencyFirstWrite
                ? StateConcurrency.FirstWrite
                : StateConcurrency.LastWrite,
            item.Metadata);
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
