using Google.Protobuf;
using Grpc.Core;
using OrderPlatform.DevSidecar.Workflows.Protocol;

namespace OrderPlatform.DevSidecar.Workflows.Grpc;

/// <summary>
/// The engine writes Microsoft work items; the worker receives Dapr work items (<paramref name="beforeWrite"/> sees
/// both, to add what the sidecar itself supplies, such as an activity's trace context).
/// </summary>
internal sealed class TranslatingStreamWriter<TMicrosoft, TDapr>(
    IServerStreamWriter<TDapr> inner, ProtocolTranslator translator, Action<TMicrosoft, TDapr>? beforeWrite = null)
    : IServerStreamWriter<TMicrosoft>
    where TMicrosoft : IMessage<TMicrosoft>
    where TDapr : IMessage<TDapr>, new()
{
    public WriteOptions? WriteOptions
    {
        get => inner.WriteOptions;
        set => inner.WriteOptions = value;
    }

    public Task WriteAsync(TMicrosoft message)
    {
        var translated = translator.ToDapr<TMicrosoft, TDapr>(message);
        beforeWrite?.Invoke(message, translated);
        return inner.WriteAsync(translated);
    }
}
