using OrderPlatform.Benchmark.Load;
using OrderPlatform.Benchmark.Measure;

namespace OrderPlatform.Benchmark.Report;

/// <summary>Everything one run measured (written as benchmark/results/latest.json).</summary>
public sealed record BenchmarkReport(
    DateTimeOffset GeneratedAt,
    double DurationSeconds,
    MachineInfo Machine,
    BenchmarkSettings Settings,
    IReadOnlyDictionary<string, string> Configuration,
    LoadResult BaselinePostSaturation,
    IReadOnlyList<PostPhase> PostPhases,
    LoadResult GetSaturation,
    double PostSaturationPercentOfBaseline,
    IReadOnlyDictionary<string, double> IdleWorkingSetMb,
    IReadOnlyDictionary<string, double> LoadWorkingSetMb,
    IReadOnlyDictionary<string, double> ReadyAtPlatformStartMs,
    IReadOnlyDictionary<string, double> ReadyOnRestartMs,
    StateRoundTrip StateRoundTrip,
    SidecarMemoryCheck SidecarMemory,
    IReadOnlyList<TargetCheck> Targets,
    LoadAverage? LoadAverage1m = null)
{
    public PostPhase Saturation => PostPhases.Single(p => p.IsSaturation);

    public PostPhase? AtRate(int rate) => PostPhases.FirstOrDefault(p => p.OfferedRate == rate);
}
