using OrderPlatform.DevSidecar.Resiliency;
using StatusCodes = OrderPlatform.DevSidecar.Resiliency.StatusCodeSet;

namespace OrderPlatform.DevSidecar.Messaging.Delivery;

/// <summary>
/// The redelivery used when no resiliency policy targets the pub/sub's inbound side (components.{pubsub}.inbound or a
/// Default*ComponentInbound*/DefaultRetryPolicy): like a broker's own redelivery, exponential from 500ms capped at
/// 10s, but bounded (10 retries) so failed messages reach the dead-letter topic instead of circling forever.
/// </summary>
public static class DeliveryPolicy
{
    public static RetryPolicy DefaultRetry { get; } = new(
        "DevSidecarBrokerRedelivery",
        RetryBackoff.Exponential,
        RetryPolicy.DefaultDuration,
        TimeSpan.FromSeconds(10),
        MaxRetries: 10,
        StatusCodes.All,
        StatusCodes.All);
}
