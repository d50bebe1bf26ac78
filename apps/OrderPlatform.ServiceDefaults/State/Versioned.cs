namespace OrderPlatform.ServiceDefaults.State;

/// <summary>A state value with the ETag it was read at (null value and ETag when the key does not exist).</summary>
public readonly record struct Versioned<T>(T? Value, string? ETag)
{
    public bool Exists => ETag is not null;
}
