using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text.Json;
using Dapr;
using OrderPlatform.Contracts;
using OrderPlatform.NotificationService.Events;
using OrderPlatform.NotificationService.Storage;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.ServiceDefaults.State;

namespace OrderPlatform.NotificationService.DeadLetters;

/// <summary>
/// Records every delivery on <c>orders-deadletter</c>, whatever its shape, so operators can see what was given up on.
/// A redelivered dead letter (same CloudEvent id, or same raw body) is recorded once. Store failures → RETRY.
/// </summary>
public sealed class DeadLetterHandler(
    CloudEventReader reader,
    DeadLetterRepository repository,
    TimeProvider time,
    ILogger<DeadLetterHandler> logger,
    IMeterFactory meters)
{
    private readonly Counter<long> deadLettered = meters.Create(TelemetryExtensions.ActivitySourceName)
        .CreateCounter<long>(MetricNames.DeadLettered, "{event}", "Events received on the dead-letter topic (each recorded once).");

    public async Task<TopicResponse> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var delivery = await reader.ReadAsync(request, cancellationToken);
        var deadLetter = ToDeadLetter(delivery, time.GetUtcNow());
        try
        {
            var added = await repository.AddAsync(deadLetter, cancellationToken);
            if (added)
            {
                deadLettered.Add(1);
            }

            logger.LogWarning("Dead-lettered event {EventId} ({Type}) {Outcome}.", deadLetter.Id, deadLetter.Type,
                added ? "recorded" : "was already recorded");
            return TopicResponse.Success;
        }
        catch (Exception ex) when (ex is DaprException or StateConflictException)
        {
            logger.LogError(ex, "Dead letter {EventId} could not be recorded; asking Dapr to redeliver.", deadLetter.Id);
            return TopicResponse.Retry;
        }
    }

    private static DeadLetter ToDeadLetter(Delivery delivery, DateTimeOffset now)
    {
        if (delivery.Event is not { } cloudEvent)
        {
            var id = "raw-" + Convert.ToHexString(SHA256.HashData(delivery.Body.Span))[..16].ToLowerInvariant();
            return new DeadLetter(id, null, null, null, delivery.RawBody, delivery.Error, now);
        }

        var data = cloudEvent.Data switch
        {
            null => null,
            JsonElement element => element.GetRawText(),
            var other => other.ToString(),
        };
        return new DeadLetter(cloudEvent.Id!, cloudEvent.Type, cloudEvent.Source?.ToString(),
            cloudEvent["topic"]?.ToString(), data, null, now);
    }
}
