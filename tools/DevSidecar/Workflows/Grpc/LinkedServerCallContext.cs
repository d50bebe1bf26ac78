using Grpc.Core;

namespace OrderPlatform.DevSidecar.Workflows.Grpc;

/// <summary>
/// The incoming call's context with the sidecar's own cancellation token: the engine's never-ending work-item call
/// ends when the sidecar says so (after the worker left or when the engine stops), not when the worker's call does.
/// </summary>
internal sealed class LinkedServerCallContext(ServerCallContext inner, CancellationToken cancellationToken)
    : ServerCallContext
{
    protected override string MethodCore => inner.Method;

    protected override string HostCore => inner.Host;

    protected override string PeerCore => inner.Peer;

    protected override DateTime DeadlineCore => inner.Deadline;

    protected override Metadata RequestHeadersCore => inner.RequestHeaders;

    protected override CancellationToken CancellationTokenCore => cancellationToken;

    protected override Metadata ResponseTrailersCore => inner.ResponseTrailers;

    protected override Status StatusCore
    {
        get => inner.Status;
        set => inner.Status = value;
    }

    protected override WriteOptions? WriteOptionsCore
    {
        get => inner.WriteOptions;
        set => inner.WriteOptions = value;
    }

    protected override AuthContext AuthContextCore => inner.AuthContext;

    protected override IDictionary<object, object> UserStateCore => inner.UserState;

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
        inner.CreatePropagationToken(options);

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) =>
        inner.WriteResponseHeadersAsync(responseHeaders);
}
