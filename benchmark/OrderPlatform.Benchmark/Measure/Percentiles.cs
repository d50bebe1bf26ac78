namespace OrderPlatform.Benchmark.Measure;

/// <summary>Nearest-rank percentiles (the same rule as benchmark/load/run-load.mjs), rounded to <c>digits</c> decimals (1 unless told).</summary>
public static class Percentiles
{
    public static double? Of(IReadOnlyList<double> values, double percentile, int digits = 1)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var rank = Math.Max(1, (int)Math.Ceiling(percentile / 100 * sorted.Length));
        return Math.Round(sorted[rank - 1], digits);
    }
}
