namespace OrderPlatform.NotificationService.Storage;

/// <summary>Says an event's notification is stored (key <c>processed-{eventId}</c>, expires after <see cref="NotificationServiceOptions.ProcessedMarkerTtl"/>).</summary>
public sealed record ProcessedMarker(string EventId, string Type, DateTimeOffset ProcessedAt);
