using Grpc.Core;
using OrderPlatform.DevSidecar.Api;

namespace OrderPlatform.DevSidecar.Invocation;

/// <summary>The service invocation errors daprd returns (ERR_DIRECT_INVOKE, texts as daprd's).</summary>
public static class InvocationErrors
{
    public static DaprApiException DirectInvoke(string appId, string reason) =>
        new(500, StatusCode.Internal, "ERR_DIRECT_INVOKE", $"failed to invoke, id: {appId}, err: {reason}");

    public static DaprApiException UnknownApp(string appId) => DirectInvoke(appId, $"couldn't find service: {appId}");

    public static DaprApiException NoAppId() =>
        new(404, StatusCode.NotFound, "ERR_DIRECT_INVOKE", "failed getting app id either from the URL path or the header dapr-app-id");
}
