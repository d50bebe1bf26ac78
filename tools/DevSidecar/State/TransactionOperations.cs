using Grpc.Core;
using OrderPlatform.DevSidecar.Api;
using OrderPlatform.DevSidecar.State.Rpc;
using P = Dapr.Client.Autogen.Grpc.v1;

namespace OrderPlatform.DevSidecar.State;

/// <summary>Dapr's transaction operation types: <c>upsert</c> and <c>delete</c>.</summary>
public static class TransactionOperations
{
    public static StateOperation FromProto(P.TransactionalStateOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return operation.OperationType switch
        {
            "upsert" => ProtoState.ToOperation(operation.Request),
            "delete" => ProtoState.ToOperation(operation.Request, delete: true),
            _ => throw NotSupported(operation.OperationType),
        };
    }

    public static DaprApiException NotSupported(string? type) =>
        new(400, StatusCode.Unimplemented, "ERR_NOT_SUPPORTED_STATE_OPERATION", $"operation type {type} not supported");
}
