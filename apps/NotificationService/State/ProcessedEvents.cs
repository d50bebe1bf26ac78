using System.Globalization;
using Dapr.Client;
using Microsoft.Extensions.Options;
using OrderPlatform.Contracts;

namespace OrderPlatform.NotificationService.State;

/// <summary>
/// De-duplication markers (delivery is at-least-once): key <c>processed-{eventId}</c>, inserted with first-write
/// concurrency once the event's effects are stored, kept for <see cref="NotificationOptions.ProcessedMarkerTtl"/>.
/// </summary>
public sealed class ProcessedEvents(DaprClient dapr, TimeProvider time, IOptions<NotificationOptions> options)
{
    private static readonly StateOptions FirstWrite = new() { Concurrency = ConcurrencyMode.FirstWrite };

    public static string Key(string eventId) => $"processed-{eventId}";

    public async Task<bool> ContainsAsync(string eventId, CancellationToken cancellationToken) =>
        await dapr.GetStateAsync<ProcessedMarker?>(Components.NotificationStore, Key(eventId), cancellationToken: cancellationToken) is not null;

    /// <summary>Inserts the marker; false when another delivery of the same event marked it first.</summary>
    public Task<bool> MarkAsync(string eventId, string type, CancellationToken cancellationToken)
    {
        var ttl = ((long)options.Value.ProcessedMarkerTtl.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return dapr.TrySaveStateAsync(Components.NotificationStore, Key(eventId),
            new ProcessedMarker(eventId, type, time.GetUtcNow()), etag: string.Empty, FirstWrite,
            new Dictionary<string, string> { ["ttlInSeconds"] = ttl }, cancellationToken);
    }
}

public sealed record ProcessedMarker(string EventId, string Type, DateTimeOffset ProcessedAt);
