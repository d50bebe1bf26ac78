using Google.Protobuf.WellKnownTypes;
using Grpc.AspNetCore.Server.Model;
using OrderPlatform.DevSidecar.Api;
using OrderPlatform.DevSidecar.State.Query;
using P = Dapr.Client.Autogen.Grpc.v1;

namespace OrderPlatform.DevSidecar.State.Rpc;

/// <summary>The state methods of <c>dapr.proto.runtime.v1.Dapr</c>, served for the app that owns the called port.</summary>
public sealed class StateGrpcService(ApiCalls calls, StateStores stores)
{
    private readonly ApiCalls calls = calls;
    private readonly StateStores stores = stores;

    internal sealed class Methods : IServiceMethodProvider<StateGrpcService>
    {
        public void OnServiceMethodDiscovery(ServiceMethodProviderContext<StateGrpcService> context)
        {
            context.AddUnaryMethod(DaprGrpc.Unary<P.GetStateRequest, P.GetStateResponse>("GetState"), [], (s, r, c) =>
                s.calls.Grpc(c, "state.get", r.StoreName, app => ProtoState.ToResponse(s.stores.Open(app.AppId, r.StoreName).Get(r.Key))));
            context.AddUnaryMethod(DaprGrpc.Unary<P.GetBulkStateRequest, P.GetBulkStateResponse>("GetBulkState"), [], (s, r, c) =>
                s.calls.Grpc(c, "state.bulkget", r.StoreName, app => s.GetBulk(app.AppId, r)));
            context.AddUnaryMethod(DaprGrpc.Unary<P.SaveStateRequest, Empty>("SaveState"), [], (s, r, c) =>
                s.calls.Grpc(c, "state.save", r.StoreName, app =>
                {
                    s.stores.Open(app.AppId, r.StoreName).Save([.. r.States.Select(i => ProtoState.ToOperation(i, jsonByContentType: true))]);
                    return new Empty();
                }));
            context.AddUnaryMethod(DaprGrpc.Unary<P.DeleteStateRequest, Empty>("DeleteState"), [], (s, r, c) =>
                s.calls.Grpc(c, "state.delete", r.StoreName, app =>
                {
                    s.stores.Open(app.AppId, r.StoreName).Delete(ProtoState.ToDelete(r));
                    return new Empty();
                }));
            context.AddUnaryMethod(DaprGrpc.Unary<P.DeleteBulkStateRequest, Empty>("DeleteBulkState"), [], (s, r, c) =>
                s.calls.Grpc(c, "state.bulkdelete", r.StoreName, app =>
                {
                    s.stores.Open(app.AppId, r.StoreName).DeleteBulk([.. r.States.Select(i => ProtoState.ToOperation(i, delete: true))]);
                    return new Empty();
                }));
            context.AddUnaryMethod(DaprGrpc.Unary<P.ExecuteStateTransactionRequest, Empty>("ExecuteStateTransaction"), [], (s, r, c) =>
                s.calls.Grpc(c, "state.transaction", r.StoreName, app =>
                {
                    s.stores.Open(app.AppId, r.StoreName).Transact([.. r.Operations.Select(TransactionOperations.FromProto)]);
                    return new Empty();
                }));
            context.AddUnaryMethod(DaprGrpc.Unary<P.QueryStateRequest, P.QueryStateResponse>("QueryStateAlpha1"), [], (s, r, c) =>
                s.calls.Grpc(c, "state.query", r.StoreName, app =>
                    ProtoState.ToResponse(s.stores.Open(app.AppId, r.StoreName).Query(StateQueryParser.Parse(r.Query)))));
        }
    }

    private P.GetBulkStateResponse GetBulk(string appId, P.GetBulkStateRequest request)
    {
        var scope = stores.Open(appId, request.StoreName);
        var items = BulkGet.Run(scope, request.Keys, request.Parallelism);
        var response = new P.GetBulkStateResponse();
        response.Items.AddRange(items.Select(i => i.Error is null
            ? ProtoState.ToBulkItem(i.Key, i.Entry)
            : new P.BulkStateItem { Key = i.Key, Error = i.Error }));
        return response;
    }
}
