namespace OrderPlatform.NotificationService.State;

/// <summary>A list kept losing ETag races; the event goes back to Dapr for redelivery.</summary>
public sealed class StateConflictException : Exception
{
    public StateConflictException()
    {
    }

    public StateConflictException(string message)
        : base(message)
    {
    }

    public StateConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
