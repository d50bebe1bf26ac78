using System.ComponentModel.DataAnnotations;

namespace OrderPlatform.ServiceDefaults.State;

/// <summary>
/// The <c>StateStore</c> section every service reads: how a read-decide-write that lost an ETag race is retried.
/// The retry is for contention between replicas and requests, not for outages (those are the sidecar's resiliency
/// policy and the caller's), so it is short and jittered.
/// </summary>
public sealed class StateStoreOptions
{
    public const string SectionName = "StateStore";

    /// <summary>Attempts in all, the first included.</summary>
    [Range(1, 100)]
    public int ConflictAttempts { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan ConflictDelay { get; set; } = TimeSpan.FromMilliseconds(20);

    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan ConflictMaxDelay { get; set; } = TimeSpan.FromMilliseconds(500);
}
