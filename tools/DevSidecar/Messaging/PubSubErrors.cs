using Grpc.Core;
using OrderPlatform.DevSidecar.Api;

namespace OrderPlatform.DevSidecar.Messaging;

/// <summary>The publish errors daprd returns (codes, statuses and texts as daprd's).</summary>
public static class PubSubErrors
{
    public static DaprApiException PubsubEmpty() =>
        new(404, StatusCode.InvalidArgument, "ERR_PUBSUB_EMPTY", "pubsub name is empty");

    public static DaprApiException TopicEmpty(string pubsub) =>
        new(404, StatusCode.InvalidArgument, "ERR_TOPIC_NAME_EMPTY", $"topic is empty in pubsub {pubsub}");

    public static DaprApiException Metadata(string detail) =>
        new(400, StatusCode.InvalidArgument, "ERR_PUBSUB_REQUEST_METADATA", $"failed deserializing metadata: {detail}");

    public static DaprApiException CloudEvent(string detail) =>
        new(500, StatusCode.InvalidArgument, "ERR_PUBSUB_CLOUD_EVENTS_SER", $"cannot create cloudevent: {detail}");

    public static DaprApiException Publish(string topic, string pubsub, string detail) =>
        new(500, StatusCode.Internal, "ERR_PUBSUB_PUBLISH_MESSAGE", $"error when publishing to topic {topic} in pubsub {pubsub}: {detail}");
}
