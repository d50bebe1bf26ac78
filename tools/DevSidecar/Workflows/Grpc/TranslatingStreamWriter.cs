using Google.Protobuf;
using Grpc.Core;
using OrderPlatform.DevSidecar.Workflows.Protocol;

namespace OrderPlatform.DevSidecar.Workflows.Grpc;

/// <summary>The engine writes Microsoft work items; the worker receives Dapr work items.</summary>
internal sealed class TranslatingStreamWriter<TMicrosoft, TDapr>(IServerStreamWriter<TDapr> inner, ProtocolTranslator translator)
    : IServerStreamWriter<TMicrosoft>
    where TMicrosoft : IMessage<TMicrosoft>
    where TDapr : IMessage<TDapr>, new()
{
    public WriteOptions? WriteOptions
    {
        get => inner.WriteOptions;
        set => inner.WriteOptions = value;
    }

    public Task WriteAsync(TMicrosoft message) => inner.WriteAsync(translator.ToDapr<TMicrosoft, TDapr>(message));
}
