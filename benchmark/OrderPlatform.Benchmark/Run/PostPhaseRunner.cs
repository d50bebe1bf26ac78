using System.Diagnostics;
using OrderPlatform.Benchmark.Load;
using OrderPlatform.Benchmark.Measure;
using OrderPlatform.Benchmark.Report;

namespace OrderPlatform.Benchmark.Run;

/// <summary>
/// Runs one POST phase: load (unique bodies), then waits until the sidecar sees no call for a moment (every workflow
/// done), then reads the sidecar counters and every accepted order back.
/// </summary>
public sealed class PostPhaseRunner(
    BenchmarkSettings settings, PlatformSession platform, LoadTool load, MemorySampler memory, OrderReader reader, string workFolder,
    Action<string> log)
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1.5);

    public async Task<PostPhase> RunAsync(string name, int? rate, int connections, int seconds, CancellationToken cancellationToken)
    {
        try
        {
            return await MeasureAsync(name, rate, connections, seconds, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            // A process died under the load: say which, with its last output.
            throw new InvalidOperationException($"Phase '{name}' failed: {ex.Message}{Environment.NewLine}{platform.Platform.Diagnostics()}", ex);
        }
    }

    /// <summary>Callers per phase, cycled per request: at most a few dozen 9.99 orders each, far below the per-customer limit.</summary>
    public const int CustomersPerPhase = 1024;

    private async Task<PostPhase> MeasureAsync(string name, int? rate, int connections, int seconds, CancellationToken cancellationToken)
    {
        var ids = IdsFile(name);
        memory.Reset();
        var before = await platform.Stats.ReadAsync(cancellationToken);
        var spec = new LoadSpec(platform.OrderUrl, LoadSpec.PostOrders, seconds, connections, rate,
            [.. settings.ProductIds()], name, IdsIn: null, IdsOut: ids, Tokens: platform.Tokens.CustomerTokens(name, CustomersPerPhase));
        var cpuBefore = CpuTimes.Read(platform.ProcessIds());
        var result = await load.RunAsync(spec, cancellationToken);
        var cpu = CpuTimes.Read(platform.ProcessIds()).SecondsSince(cpuBefore);
        log($"  {name}: {result.Summary()}");
        if (result.Ok == 0)
        {
            throw new InvalidOperationException($"No order was accepted in phase '{name}'.{Environment.NewLine}{platform.Platform.Diagnostics()}");
        }

        var drain = Stopwatch.StartNew();
        var drained = await platform.Stats.WaitForQuietAsync(Quiet, TimeSpan.FromSeconds(settings.DrainTimeoutSeconds), cancellationToken);
        var drainSeconds = Math.Max(0, drain.Elapsed.TotalSeconds - (drained ? Quiet.TotalSeconds : 0));
        var calls = (await platform.Stats.ReadAsync(cancellationToken)).Minus(before);
        var cpuWithDrain = CpuTimes.Read(platform.ProcessIds()).SecondsSince(cpuBefore);
        var peaks = memory.Peaks();
        var sidecar = await platform.SidecarMemoryAsync(cancellationToken);

        var orders = await reader.ReadAsync(await File.ReadAllLinesAsync(ids, cancellationToken), cancellationToken);
        var endToEnd = EndToEndResult.From(orders, drainSeconds, drained);
        log($"  {name}: {endToEnd}");
        var accepted = Math.Max(1, endToEnd.Accepted);
        return new PostPhase(name, rate, connections, result, endToEnd,
            Math.Round((double)calls.Total / accepted, 2), calls.PerOrder(accepted), peaks, cpu, sidecar,
            cpuWithDrain, BuildingBlocks.Count(calls));
    }

    /// <summary>The file of order ids a phase accepted (for the GET phase).</summary>
    public string IdsFile(string phase) => Path.Combine(workFolder, $"{phase}.ids");
}
