using System.Globalization;
using Dapr.Client;
using Microsoft.Extensions.Options;
using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Events;
using OrderPlatform.OrderService.Storage;

namespace OrderPlatform.OrderService.Events;

/// <summary>Publishes order CloudEvents to <c>order-pubsub</c>/<c>orders</c> with a TTL and a deterministic id and type.</summary>
public sealed class OrderEventPublisher(DaprClient dapr, IOptions<OrderServiceOptions> options)
{
    public const string TtlMetadata = "ttlInSeconds";
    public const string CloudEventTypeMetadata = "cloudevent.type";
    public const string CloudEventIdMetadata = "cloudevent.id";

    public Task PublishAsync(StoredOrder order, string eventType, DateTimeOffset occurredAt, string? detail, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var data = new OrderEvent(
            order.OrderId, order.CustomerId, eventType, order.Total, order.Status.ToString(), occurredAt, detail,
            order.PaymentId, order.TrackingNumber);
        return dapr.PublishEventAsync(Components.PubSub, Topics.Orders, data, Metadata(data), ct);
    }

    private Dictionary<string, string> Metadata(OrderEvent data) => new()
    {
        [TtlMetadata] = options.Value.EventTtlSeconds.ToString(CultureInfo.InvariantCulture),
        [CloudEventTypeMetadata] = data.Type,
        [CloudEventIdMetadata] = OrderEvent.EventId(data.OrderId, data.Type),
    };
}
