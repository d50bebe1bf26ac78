namespace OrderPlatform.NotificationService.Events;

/// <summary>
/// The subscription's default route: events whose type matches no rule are acknowledged (SUCCESS) and logged, nothing
/// is stored; a delivery that is not a CloudEvent at all is dropped (DROP → dead-letter topic).
/// </summary>
public sealed class UnknownEventProcessor(CloudEventReader reader, ILogger<UnknownEventProcessor> logger)
{
    public async Task<TopicResponse> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var delivery = await reader.ReadAsync(request, cancellationToken);
        if (delivery.Event is not { } cloudEvent)
        {
            logger.LogWarning("Dropping delivery with no known route: {Problem}", delivery.Error);
            return TopicResponse.Drop;
        }

        logger.LogWarning("Acknowledging event {EventId} of unknown type {Type}; nothing stored.", cloudEvent.Id, cloudEvent.Type);
        return TopicResponse.Success;
    }
}
