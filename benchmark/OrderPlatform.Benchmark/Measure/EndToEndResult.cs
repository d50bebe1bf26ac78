namespace OrderPlatform.Benchmark.Measure;

/// <summary>
/// What happened to a phase's accepted orders once the platform was idle again: completed per second over the span
/// from the first order's creation to the last completion, and completion latency (created → completed, server clock).
/// </summary>
public sealed record EndToEndResult(
    int Accepted,
    int Completed,
    int Failed,
    int Unfinished,
    double CompletedPerSecond,
    double? CompletionP50Ms,
    double? CompletionP99Ms,
    double DrainSeconds,
    bool Drained)
{
    public static EndToEndResult From(IReadOnlyList<OrderTiming> orders, double drainSeconds, bool drained)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var completed = orders.Where(o => o.IsCompleted && o.FinishedAt is not null).ToList();
        var latencies = completed.Select(o => (o.FinishedAt!.Value - o.CreatedAt).TotalMilliseconds).ToList();
        var span = completed.Count == 0
            ? 0
            : (completed.Max(o => o.FinishedAt!.Value) - orders.Min(o => o.CreatedAt)).TotalSeconds;
        return new EndToEndResult(
            orders.Count,
            completed.Count,
            orders.Count(o => o.IsFailed),
            orders.Count(o => o.FinishedAt is null),
            span <= 0 ? 0 : Math.Round(completed.Count / span, 1),
            Percentiles.Of(latencies, 50),
            Percentiles.Of(latencies, 99),
            Math.Round(drainSeconds, 1),
            drained);
    }
}
