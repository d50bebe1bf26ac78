namespace OrderPlatform.DevSidecar.State;

/// <summary>What one in-memory state component holds: live keys and the bytes of their values.</summary>
public sealed record StateStoreUsage(int Keys, long ValueBytes);
