using Grpc.Core;

namespace OrderPlatform.DevSidecar.Api;

/// <summary>A Dapr API error as daprd reports it: HTTP status + JSON {"errorCode","message"}, or a gRPC status.</summary>
public sealed class DaprApiException(int httpStatus, StatusCode grpcStatus, string errorCode, string message)
    : Exception(message)
{
    public int HttpStatus { get; } = httpStatus;

    public StatusCode GrpcStatus { get; } = grpcStatus;

    public string ErrorCode { get; } = errorCode;

    /// <summary>The HTTP answer daprd gives: the status code and {"errorCode","message"}.</summary>
    public IResult ToHttpResult() =>
        Results.Json(new DaprErrorBody(ErrorCode, Message), DaprErrorBody.JsonOptions, statusCode: HttpStatus);

    /// <summary>The gRPC answer daprd gives: the status code and the message as detail.</summary>
    public RpcException ToRpcException() => new(new Status(GrpcStatus, Message));
}
