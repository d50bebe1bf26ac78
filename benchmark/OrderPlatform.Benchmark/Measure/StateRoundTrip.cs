using System.Globalization;

namespace OrderPlatform.Benchmark.Measure;

/// <summary>
/// The dev sidecar's state save + get round trip, timed pair by pair with the real Dapr SDK client (gRPC):
/// median, p90 and p99 in ms (nearest rank, 3 decimals). Reported against "under 1 ms median", never asserted.
/// </summary>
public sealed record StateRoundTrip(string Store, int WarmupIterations, int Iterations, double? MedianMs, double? P90Ms, double? P99Ms)
{
    public const double TargetMedianMs = 1;

    public bool MedianUnderTarget => MedianMs is < TargetMedianMs;

    public static StateRoundTrip From(string store, int warmupIterations, IReadOnlyList<double> pairMs)
    {
        ArgumentNullException.ThrowIfNull(pairMs);
        return new(store, warmupIterations, pairMs.Count,
            Percentiles.Of(pairMs, 50, 3), Percentiles.Of(pairMs, 90, 3), Percentiles.Of(pairMs, 99, 3));
    }

    /// <summary>The markdown line under the report's tables.</summary>
    public string Describe() => FormattableString.Invariant(
        $"Dev sidecar state save + get round trip (`{Store}`, Dapr.Client over gRPC, {Iterations} sequential pairs after {WarmupIterations} warm-up): median **{Ms(MedianMs)} ms**, p90 {Ms(P90Ms)} ms, p99 {Ms(P99Ms)} ms (target: median < 1 ms: {(MedianUnderTarget ? "yes" : "**no**")}).");

    private static string Ms(double? value) => value is { } ms ? ms.ToString("0.000", CultureInfo.InvariantCulture) : "–";
}
