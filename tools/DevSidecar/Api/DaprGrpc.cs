using Google.Protobuf;
using Grpc.Core;

namespace OrderPlatform.DevSidecar.Api;

/// <summary>
/// Method definitions of <c>dapr.proto.runtime.v1.Dapr</c> built from Dapr.Protos message types (the package ships
/// only client stubs), for serving the API with <c>IServiceMethodProvider&lt;T&gt;</c>.
/// </summary>
public static class DaprGrpc
{
    public const string ServiceName = "dapr.proto.runtime.v1.Dapr";

    public static Method<TRequest, TResponse> Unary<TRequest, TResponse>(string name)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        new(MethodType.Unary, ServiceName, name, Cache<TRequest>.Marshaller, Cache<TResponse>.Marshaller);

    private static class Cache<T>
        where T : class, IMessage<T>, new()
    {
        public static readonly MessageParser<T> Parser = new(static () => new T());

        public static readonly Marshaller<T> Marshaller = Marshallers.Create(
            static message => message.ToByteArray(),
            static bytes => Parser.ParseFrom(bytes));
    }
}
