using System.ComponentModel.DataAnnotations;

namespace OrderPlatform.OrderService.Limits;

/// <summary>The <c>RequestLimits</c> section: per-caller write rate and request body sizes (validated at start-up).</summary>
public sealed class RequestLimitsOptions
{
    public const string SectionName = "RequestLimits";

    /// <summary>Writes (POST/PUT/PATCH/DELETE under <c>/api/</c>) one caller may make per <see cref="Window"/>.</summary>
    [Range(1, 1_000_000)]
    public int WritesPerWindow { get; set; } = 60;

    /// <summary>The fixed window the write permits are counted in.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The claim that names an authenticated caller (its partition); empty: <c>User.Identity.Name</c>. Anonymous callers
    /// are partitioned by client IP.
    /// </summary>
    [MaxLength(200)]
    public string? CallerClaim { get; set; }

    /// <summary>
    /// Behind Azure Container Apps ingress the connection comes from the ingress proxy: the client IP is the right-most
    /// <c>X-Forwarded-For</c> entry, the one ACA's ingress adds (earlier entries are whatever the client sent). Set only
    /// where such a proxy is in front; otherwise a client could pick its own partition.
    /// </summary>
    public bool ClientIpFromForwardedFor { get; set; }

    /// <summary>Largest request body, in bytes, of every route but batch import.</summary>
    [Range(1024, 30_000_000)]
    public long MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Largest body of <c>POST /api/orders/batch</c> (up to 100 orders of up to 100 lines each).</summary>
    [Range(1024, 30_000_000)]
    public long MaxBatchBodyBytes { get; set; } = 1024 * 1024;
}
