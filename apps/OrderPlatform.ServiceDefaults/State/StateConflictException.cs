namespace OrderPlatform.ServiceDefaults.State;

/// <summary>
/// A write lost an optimistic-concurrency race (the ETag it was decided on is stale, or the key it inserts exists).
/// <see cref="StateStore.RetryOnConflictAsync{T}"/> re-runs the read-decide-write on it; past the last attempt it
/// reaches the caller.
/// </summary>
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
