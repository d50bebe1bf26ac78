using Dapr;
using OrderPlatform.NotificationService.Notifications;
using OrderPlatform.NotificationService.Storage;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.ServiceDefaults.State;

namespace OrderPlatform.NotificationService.Events;

/// <summary>
/// One order event delivery: malformed → DROP (Dapr dead-letters it), already processed → SUCCESS with nothing stored,
/// otherwise the customer's notification and the event's marker are stored together. State-store failures, and ETag
/// conflicts beyond <c>StateStore:ConflictAttempts</c>, → RETRY (Dapr redelivers).
/// </summary>
public sealed class OrderEventProcessor(
    CloudEventReader reader,
    NotificationRepository notifications,
    TimeProvider time,
    ILogger<OrderEventProcessor> logger)
{
    public async Task<TopicResponse> HandleAsync(string routeType, HttpRequest request, CancellationToken cancellationToken)
    {
        var delivery = await reader.ReadAsync(request, cancellationToken);
        if (delivery.Event is not { } cloudEvent)
        {
            logger.LogWarning("Dropping delivery on {Route}: {Problem}", routeType, delivery.Error);
            return TopicResponse.Drop;
        }

        if (cloudEvent.Type != routeType)
        {
            logger.LogWarning("Dropping event {EventId}: type {Type} does not match route {Route}.", cloudEvent.Id, cloudEvent.Type, routeType);
            return TopicResponse.Drop;
        }

        if (!OrderEventData.TryRead(cloudEvent, out var orderEvent, out var problem))
        {
            logger.LogWarning("Dropping event {EventId} ({Type}): {Problem}", cloudEvent.Id, cloudEvent.Type, problem);
            return TopicResponse.Drop;
        }

        OrderTrace.Tag(orderEvent.OrderId);
        var eventId = cloudEvent.Id!;
        try
        {
            var notification = NotificationComposer.Compose(eventId, routeType, orderEvent, time.GetUtcNow());
            var write = await notifications.AddOnceAsync(notification, cancellationToken);
            if (write == NotificationWrite.Added)
            {
                logger.LogInformation("Notified customer {CustomerId} of {Type} for order {OrderId}.", orderEvent.CustomerId, routeType, orderEvent.OrderId);
            }
            else
            {
                logger.LogInformation("Event {EventId} was already processed ({Write}); acknowledging the redelivery.", eventId, write);
            }

            return TopicResponse.Success;
        }
        catch (Exception ex) when (ex is DaprException or StateConflictException)
        {
            logger.LogError(ex, "Event {EventId} could not be stored; asking Dapr to redeliver.", eventId);
            return TopicResponse.Retry;
        }
    }
}
