using System.ComponentModel.DataAnnotations;

namespace OrderPlatform.OrderService.Orders.Admission;

/// <summary>
/// The bound on orders in flight (<c>Orders:Admission</c>, validated at start-up). Per replica: each replica counts the
/// orders it accepted and has not yet seen leave processing (see <see cref="OrderAdmission"/>), so with N replicas the
/// platform holds at most N × <see cref="MaxInFlight"/> (plus what replicas restarted meanwhile had accepted).
/// </summary>
public sealed class AdmissionOptions
{
    public const string SectionName = "Orders:Admission";

    /// <summary>
    /// Orders this replica accepted that are still being processed; past it, new orders are answered 429. Size it as the
    /// orders a replica completes per second × the completion time you accept (the benchmark sets 200 for its 2 cores).
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxInFlight { get; set; } = 500;

    /// <summary>
    /// At most one look at the orders' stored status per interval, and only once the bound is reached (below it no
    /// call is made): the cost of admission under overload is one bulk read per interval per replica.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Sent as <c>Retry-After</c> (whole seconds) with a 429.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(2);
}
