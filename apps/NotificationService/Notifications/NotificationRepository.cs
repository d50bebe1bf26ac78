using Microsoft.Extensions.Options;
using OrderPlatform.NotificationService.State;

namespace OrderPlatform.NotificationService.Notifications;

/// <summary>Each customer's notifications, newest first, under <c>notifications-{customerId}</c>.</summary>
public sealed class NotificationRepository(BoundedStateList lists, IOptions<NotificationOptions> options)
{
    public static string Key(string customerId) => $"notifications-{customerId}";

    public Task<IReadOnlyList<Notification>> GetAsync(string customerId, CancellationToken cancellationToken) =>
        lists.GetAsync<Notification>(Key(customerId), cancellationToken);

    /// <summary>Adds the notification unless one for the same event is already in the list.</summary>
    public Task<bool> AddAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return lists.AddAsync(Key(notification.CustomerId), notification, n => n.Id, n => n.OccurredAt,
            options.Value.MaxPerCustomer, cancellationToken);
    }
}
