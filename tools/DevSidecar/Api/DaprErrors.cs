using Grpc.Core;

namespace OrderPlatform.DevSidecar.Api;

/// <summary>The errors daprd returns for missing components and malformed requests (codes and texts as Dapr's).</summary>
public static class DaprErrors
{
    public static DaprApiException StateStoreNotFound(string name) =>
        new(400, StatusCode.InvalidArgument, "ERR_STATE_STORE_NOT_FOUND", $"state store {name} is not found");

    public static DaprApiException StateStoreNotConfigured(string name) =>
        new(500, StatusCode.FailedPrecondition, "ERR_STATE_STORE_NOT_CONFIGURED", $"state store {name} is not configured");

    public static DaprApiException PubSubNotFound(string name) =>
        new(404, StatusCode.InvalidArgument, "ERR_PUBSUB_NOT_FOUND", $"pubsub {name} not found");

    public static DaprApiException PubSubNotConfigured() =>
        new(400, StatusCode.FailedPrecondition, "ERR_PUBSUB_NOT_CONFIGURED", "pubsub is not configured");

    public static DaprApiException SecretStoreNotFound(string name) =>
        new(401, StatusCode.InvalidArgument, "ERR_SECRET_STORE_NOT_FOUND", $"failed finding secret store with key {name}");

    public static DaprApiException SecretStoreNotConfigured() =>
        new(500, StatusCode.FailedPrecondition, "ERR_SECRET_STORES_NOT_CONFIGURED", "secret store is not configured");

    public static DaprApiException ComponentNotFound(string name) =>
        new(400, StatusCode.InvalidArgument, "ERR_COMPONENT_NOT_FOUND", $"component {name} is not found");

    public static DaprApiException MalformedRequest(string detail) =>
        new(400, StatusCode.InvalidArgument, "ERR_MALFORMED_REQUEST", $"failed deserializing HTTP body: {detail}");
}
