using OrderPlatform.Benchmark.Load;
using OrderPlatform.Benchmark.Measure;

namespace OrderPlatform.Benchmark.Report;

/// <summary>
/// One <c>POST /api/orders</c> phase against the platform: the load tool's view, what became of the accepted orders,
/// the sidecar calls they caused (load + drain, divided by accepted orders), and each process's peak working set,
/// and the CPU seconds each process used while the load ran (the load tool's own process is not counted), and the dev
/// sidecar's memory once the phase has drained.
/// </summary>
public sealed record PostPhase(
    string Name,
    int? OfferedRate,
    int Connections,
    LoadResult Load,
    EndToEndResult EndToEnd,
    double SidecarCallsPerOrder,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> SidecarCallsPerOrderByApp,
    IReadOnlyDictionary<string, double> PeakWorkingSetMb,
    IReadOnlyDictionary<string, double> CpuSecondsDuringLoad,
    SidecarMemory SidecarAfterDrain)
{
    public bool IsSaturation => OfferedRate is null;
}
