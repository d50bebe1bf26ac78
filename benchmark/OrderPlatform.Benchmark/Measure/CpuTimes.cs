using System.Diagnostics;

namespace OrderPlatform.Benchmark.Measure;

/// <summary>CPU time (user + system) each process used between two readings: where a phase's 2 cores went.</summary>
public sealed record CpuTimes(IReadOnlyDictionary<string, TimeSpan> ByProcess)
{
    public static CpuTimes Read(IReadOnlyDictionary<string, int> processes)
    {
        ArgumentNullException.ThrowIfNull(processes);
        return new(processes.ToDictionary(p => p.Key, p => Read(p.Value), StringComparer.Ordinal));
    }

    /// <summary>CPU seconds per process since <paramref name="before"/> (one decimal).</summary>
    public IReadOnlyDictionary<string, double> SecondsSince(CpuTimes before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return ByProcess.ToDictionary(
            p => p.Key,
            p => Math.Round((p.Value - before.ByProcess.GetValueOrDefault(p.Key)).TotalSeconds, 1),
            StringComparer.Ordinal);
    }

    private static TimeSpan Read(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return process.TotalProcessorTime;
        }
        catch (ArgumentException)
        {
            return TimeSpan.Zero;
        }
    }
}
