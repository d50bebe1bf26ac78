namespace OrderPlatform.NotificationService.Events;

/// <summary>
/// The body Dapr reads from a subscriber: SUCCESS (done), RETRY (redeliver per the resiliency policy) or DROP
/// (never redeliver; with a <c>deadLetterTopic</c> Dapr forwards the event there).
/// </summary>
public sealed record TopicResponse(string Status)
{
    public static TopicResponse Success { get; } = new("SUCCESS");
    public static TopicResponse Retry { get; } = new("RETRY");
    public static TopicResponse Drop { get; } = new("DROP");
}
