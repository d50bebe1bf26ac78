using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using OrderPlatform.DevSidecar.Api;
using OrderPlatform.DevSidecar.Configuration;
using OrderPlatform.DevSidecar.Invocation;
using Empty = Google.Protobuf.WellKnownTypes.Empty;
using P = Dapr.Client.Autogen.Grpc.v1;

namespace OrderPlatform.DevSidecar.Messaging.Publishing;

/// <summary>Serves dapr.proto.runtime.v1.Dapr/PublishEvent (what DaprClient.PublishEventAsync calls).</summary>
public sealed class PublishGrpcService(SidecarApps apps, Publisher publisher)
{
    public async Task<Empty> PublishEventAsync(P.PublishEventRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var http = context.GetHttpContext();
        var publish = new PublishRequest(
            apps.Current(http).AppId, request.PubsubName, request.Topic, request.Data.Memory, request.DataContentType,
            request.Metadata.ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal), TraceContext.From(http.Request.Headers));
        try
        {
            await publisher.PublishAsync(publish, context.CancellationToken);
            return new Empty();
        }
        catch (DaprApiException error)
        {
            throw error.ToRpcException();
        }
    }
}

internal sealed class PublishGrpcMethods : IServiceMethodProvider<PublishGrpcService>
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<PublishGrpcService> context) =>
        context.AddUnaryMethod(
            DaprGrpc.Unary<P.PublishEventRequest, Empty>("PublishEvent"),
            [],
            (service, request, call) => service.PublishEventAsync(request, call));
}
