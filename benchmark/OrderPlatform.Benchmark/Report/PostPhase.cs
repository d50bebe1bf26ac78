using OrderPlatform.Benchmark.Load;
using OrderPlatform.Benchmark.Measure;

namespace OrderPlatform.Benchmark.Report;

/// <summary>
/// One <c>POST /api/orders</c> phase against the platform: the load tool's view, what became of the accepted orders,
/// the sidecar calls they caused (load + drain, divided by accepted orders), and each process's peak working set,
/// and the CPU seconds each process used while the load ran (the load tool's own process is not counted), and the dev
/// sidecar's memory once the phase has drained; the CPU seconds each platform process used from the start of the load
/// to the end of the drain, and the sidecar calls per building block over the same span.
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
    SidecarMemory SidecarAfterDrain,
    IReadOnlyDictionary<string, double>? CpuSecondsLoadAndDrain = null,
    IReadOnlyDictionary<string, long>? SidecarCallsByBlock = null)
{
    public bool IsSaturation => OfferedRate is null;

    /// <summary>Orders offered per second: the fixed rate, or at saturation the requests the load tool got answered.</summary>
    public double OfferedPerSecond => OfferedRate ?? (Load.Seconds > 0 ? Math.Round(Load.Requests / Load.Seconds, 1) : 0);

    /// <summary>Orders accepted (2xx) per second while the load ran.</summary>
    public double AcceptedPerSecond => Load.RequestsPerSecond;

    /// <summary>Orders answered 429 (admission control).</summary>
    public long Refused => Load.StatusCodes.GetValueOrDefault("429");

    /// <summary>Sidecar calls (all apps, load + drain) per completed order.</summary>
    public double? SidecarCallsPerCompletedOrder => EndToEnd.Completed > 0 && SidecarCallsByBlock is { } blocks
        ? Math.Round((double)blocks.Values.Sum() / EndToEnd.Completed, 1)
        : null;

    /// <summary>The same per building block (state, publish incl. deliveries, invoke, workflow).</summary>
    public IReadOnlyDictionary<string, double> SidecarCallsPerCompletedOrderByBlock =>
        EndToEnd.Completed > 0 && SidecarCallsByBlock is { } blocks
            ? blocks.ToDictionary(b => b.Key, b => Math.Round((double)b.Value / EndToEnd.Completed, 1), StringComparer.Ordinal)
            : new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>CPU milliseconds per completed order, every platform process, load + drain.</summary>
    public double? CpuMsPerCompletedOrder => EndToEnd.Completed > 0 && CpuSecondsLoadAndDrain is { } cpu
        ? Math.Round(cpu.Values.Sum() * 1000 / EndToEnd.Completed, 1)
        : null;
}
