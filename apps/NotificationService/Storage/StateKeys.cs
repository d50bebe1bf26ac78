namespace OrderPlatform.NotificationService.Storage;

/// <summary>The keys notification-service writes in <c>notification-store</c>.</summary>
public static class StateKeys
{
    /// <summary>The newest dead letters, one list.</summary>
    public const string DeadLetters = "deadletters";

    /// <summary>A customer's notifications, one list.</summary>
    public static string Notifications(string customerId) => $"notifications-{customerId}";

    /// <summary>The de-duplication marker of one event (by CloudEvent id).</summary>
    public static string Processed(string eventId) => $"processed-{eventId}";
}
