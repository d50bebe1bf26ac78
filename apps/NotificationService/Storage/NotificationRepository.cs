using System.Text.Json;
using Microsoft.Extensions.Options;
using OrderPlatform.NotificationService.Notifications;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.ServiceDefaults.State;

namespace OrderPlatform.NotificationService.Storage;

/// <summary>What storing one event's notification did.</summary>
public enum NotificationWrite
{
    /// <summary>The notification and the event's marker were written together.</summary>
    Added,

    /// <summary>The event's marker was there: nothing written.</summary>
    AlreadyProcessed,

    /// <summary>The list held the notification but no marker (an earlier version wrote them apart): the marker was added.</summary>
    AlreadyListed,
}

/// <summary>
/// Each customer's notifications, newest first, under <c>notifications-{customerId}</c>, and the de-duplication marker
/// <c>processed-{eventId}</c> of each event stored (delivery is at-least-once).
/// </summary>
public sealed class NotificationRepository(StateStore store, TimeProvider time, IOptions<NotificationServiceOptions> options)
{
    public async Task<IReadOnlyList<Notification>> GetAsync(string customerId, CancellationToken ct) =>
        (await store.GetAsync<List<Notification>>(StateKeys.Notifications(customerId), ct)).Value ?? [];

    /// <summary>
    /// Stores the notification of an event once: the marker and the list are read in one call, and the list (at the
    /// ETag read) and the marker (an insert, with a TTL) are written in one state transaction, so either both are
    /// stored or neither. A transaction that lost a race (the list changed, or another delivery of the same event
    /// marked it) is decided again from a fresh read; past <c>StateStore:ConflictAttempts</c> the
    /// <see cref="StateConflictException"/> reaches the caller.
    /// </summary>
    public Task<NotificationWrite> AddOnceAsync(Notification notification, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var listKey = StateKeys.Notifications(notification.CustomerId);
        var markerKey = StateKeys.Processed(notification.Id);
        var ttl = options.Value.ProcessedMarkerTtl;
        return store.RetryOnConflictAsync(async token =>
        {
            // Two value types under two keys: read as JSON in one bulk call, then typed. The transaction checks both keys
            // again (list ETag, marker insert), so a stale read costs a retry, never a lost or doubled notification.
            var found = await store.GetManyAsync<JsonElement>([markerKey, listKey], token);
            if (found[markerKey].Exists)
            {
                return NotificationWrite.AlreadyProcessed;
            }

            var list = found[listKey];
            var current = list.Exists ? list.Value.Deserialize<List<Notification>>(JsonDefaults.Options) : null;
            var marker = new ProcessedMarker(notification.Id, notification.Type, time.GetUtcNow());
            var updated = BoundedList.Add(current, notification, n => n.Id, n => n.OccurredAt, options.Value.MaxPerCustomer);
            if (updated is null)
            {
                // Already listed: only the marker is missing (false: another delivery wrote it meanwhile; same result).
                await store.TryInsertAsync(markerKey, marker, token, ttl);
                return NotificationWrite.AlreadyListed;
            }

            await store.TransactAsync([StateStore.Put(listKey, updated, list.ETag), StateStore.Put(markerKey, marker, etag: null, ttl)], token);
            return NotificationWrite.Added;
        }, ct);
    }
}
