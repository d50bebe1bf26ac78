using System.Globalization;

namespace OrderPlatform.Benchmark.Measure;

/// <summary>
/// The machine's 1-minute load average at the start and at the end of the run (<c>/proc/loadavg</c>): on a shared
/// machine it says how much else ran beside the benchmark (2 cores: above ~2, the figures are of a loaded machine).
/// </summary>
public sealed record LoadAverage(double? AtStart, double? AtEnd)
{
    public static double? OneMinute(string path = "/proc/loadavg") =>
        File.Exists(path) && double.TryParse(File.ReadAllText(path).Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var load)
            ? load
            : null;

    /// <summary>Loaded when either reading is above the number of logical cores.</summary>
    public bool Loaded(int cores) => AtStart > cores || AtEnd > cores;

    public string Describe(int cores) => string.Create(CultureInfo.InvariantCulture,
        $"1-minute load average {AtStart?.ToString("0.00", CultureInfo.InvariantCulture) ?? "?"} at start, {AtEnd?.ToString("0.00", CultureInfo.InvariantCulture) ?? "?"} at end on {cores} cores{(Loaded(cores) ? ": a loaded machine (other work shared the cores), absolute figures are low" : string.Empty)}");
}
