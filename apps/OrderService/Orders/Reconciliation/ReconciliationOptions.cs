using System.ComponentModel.DataAnnotations;

namespace OrderPlatform.OrderService.Orders.Reconciliation;

/// <summary>The <c>Reconciliation</c> section: what the cron-driven reconciler does with orders that are not moving.</summary>
public sealed class ReconciliationOptions
{
    public const string SectionName = "Reconciliation";

    /// <summary>An order on hold this long since its last history entry is resumed once more (a longer outage has probably ended).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan ResumeOnHoldAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The reservation expiry: an order still on hold this long after it was created will never complete; it is
    /// cancelled, and its workflow compensates (refund, release) unless shipping was already attempted. An order that no
    /// workflow moves (none, or one that ended) is failed and compensated by the reconciler past it, if it was not paid.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan ReservationExpiry { get; set; } = TimeSpan.FromDays(2);

    /// <summary>A non-terminal order whose last change is older than this is listed as stuck by <c>GET /api/orders/attention</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Orders read per state query page; each non-terminal status is paged up to <see cref="MaxPages"/>.</summary>
    [Range(1, 100)]
    public int PageSize { get; set; } = 100;

    [Range(1, 1000)]
    public int MaxPages { get; set; } = 20;
}
