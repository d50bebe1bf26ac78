using System.Globalization;
using OrderPlatform.DevSidecar.Configuration;

namespace OrderPlatform.DevSidecar.Messaging.Delivery;

/// <summary>
/// What the broker does with a message daprd hands back (no inbound resiliency policy left to retry it, no dead-letter
/// topic): the dev sidecar behaves as <c>pubsub.azure.servicebus.topics</c>, the pub/sub Azure runs, whatever type the
/// component YAML names. The component abandons the message (components-contrib
/// common/component/azure/servicebus/subscription.go) and Service Bus delivers it again at once, up to the
/// subscription's MaxDeliveryCount (the component's <c>maxDeliveryCount</c>, else the server's default of 10
/// deliveries), then moves it to the subscription's own dead-letter queue. The component takes a retriable-error token
/// per failure (<c>maxRetriableErrorsPerSec</c>, default 10): a pause of 100 ms between deliveries here.
/// </summary>
public static class DeliveryPolicy
{
    public const int DefaultMaxDeliveryCount = 10;

    public static TimeSpan RedeliveryPause { get; } = TimeSpan.FromMilliseconds(100);

    public static int MaxDeliveryCount(ComponentDefinition? pubsub) =>
        pubsub?.GetMetadata("maxDeliveryCount") is { } text
        && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0
            ? count
            : DefaultMaxDeliveryCount;
}
