namespace OrderPlatform.NotificationService.DeadLetters;

/// <summary>
/// An event Dapr gave up on (DROP, or retries exhausted) and forwarded to <c>orders-deadletter</c>, kept for operators.
/// <see cref="Data"/> is the event's data as JSON text, or the whole raw body when it was not a CloudEvent.
/// </summary>
public sealed record DeadLetter(
    string Id,
    string? Type,
    string? Source,
    string? Topic,
    string? Data,
    string? Problem,
    DateTimeOffset ReceivedAt);
