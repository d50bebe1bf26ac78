using System.Diagnostics;
using OrderPlatform.Benchmark.Load;
using OrderPlatform.Benchmark.Measure;
using OrderPlatform.Benchmark.Report;
using OrderPlatform.Contracts;
using OrderPlatform.PlatformLauncher;

namespace OrderPlatform.Benchmark.Run;

/// <summary>
/// The whole run: baseline + platform start → state save+get round trip → idle readings (incl. the sidecar's memory) → warm-up → baseline saturation → POST at each fixed rate
/// and at saturation (each drained and read back) → GET at saturation → each service restarted alone (time to ready).
/// </summary>
public sealed class BenchmarkRun(BenchmarkSettings settings, string root, string workFolder, Action<string> log)
{
    public async Task<BenchmarkReport> ExecuteAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var loadAtStart = LoadAverage.OneMinute();
        var load = new LoadTool(Path.Combine(root, "benchmark", "load"), workFolder);
        var machine = await MachineInfo.CollectAsync(load.Describe());
        log($"machine: {machine.Describe()}; 1-minute load average {loadAtStart}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        await using var baseline = await BaselineProcess.StartAsync(root, RepoPaths.CurrentConfiguration(), http, cancellationToken);
        log("publishing the services as their images are (each Dockerfile's restore + publish)");
        var images = await ImagePublish.PublishAllAsync(root, workFolder, log, cancellationToken);
        await using var platform = await PlatformSession.StartAsync(http, settings, images, cancellationToken);
        var atStart = platform.Platform.Apps.ToDictionary(a => a.Key, a => Math.Round(a.Value.TimeToReady!.Value.TotalMilliseconds), StringComparer.Ordinal);
        atStart[BaselineProcess.Name] = Math.Round(baseline.TimeToReady.TotalMilliseconds);
        log($"platform ready: {string.Join(", ", atStart.Select(a => $"{a.Key} {a.Value} ms"))}");
        await platform.StockAsync(settings.ProductIds(), settings.StockPerProduct, cancellationToken);
        var first = await Preflight.OneOrderAsync(platform, http, settings.ProductIds().First(), cancellationToken);
        log($"preflight order completed in {first.TotalMilliseconds:0} ms");
        log("state save + get round trip (inventory-service's sidecar)");
        var stateRoundTrip = await StateRoundTripProbe.RunAsync(platform.Platform.Ports[AppIds.InventoryService], cancellationToken);
        log($"  {stateRoundTrip.Describe()}");

        IReadOnlyDictionary<string, int> Pids() => new Dictionary<string, int>(platform.ProcessIds(), StringComparer.Ordinal)
        {
            [BaselineProcess.Name] = baseline.Process.ProcessId,
        };
        await using var memory = new MemorySampler(Pids, TimeSpan.FromMilliseconds(250));
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        var idle = memory.ReadNow();
        var sidecarIdle = await platform.SidecarMemoryAsync(cancellationToken);

        using var orderClient = new HttpClient { BaseAddress = platform.OrderUrl, Timeout = TimeSpan.FromSeconds(30) };
        orderClient.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", platform.OperatorToken);
        // The baseline gets the same Authorization headers (it ignores them), so both sides read the same bytes.
        var baselineTokens = platform.Tokens.CustomerTokens("baseline", PostPhaseRunner.CustomersPerPhase);
        var phases = new PostPhaseRunner(settings, platform, load, memory, new OrderReader(orderClient), workFolder, log);
        var products = settings.ProductIds().ToList();

        log("warm-up");
        await load.RunAsync(new LoadSpec(baseline.Url, LoadSpec.PostOrders, 3, settings.SaturationConnections, null, products, "warmup-baseline", null, null, baselineTokens), cancellationToken);
        await phases.RunAsync("warmup", settings.WarmupRate, settings.RateConnections, settings.WarmupSeconds, cancellationToken);
        await load.RunAsync(GetSpec(platform, phases.IdsFile("warmup"), 3, "warmup-get"), cancellationToken);

        log("bare Kestrel at saturation");
        memory.Reset();
        var baselineSaturation = await load.RunAsync(new LoadSpec(baseline.Url, LoadSpec.PostOrders, settings.BaselineSeconds,
            settings.SaturationConnections, null, products, "baseline", null, null, baselineTokens), cancellationToken);
        var baselinePeak = memory.Peaks().GetValueOrDefault(BaselineProcess.Name);
        log($"  baseline: {baselineSaturation.Summary()}");

        var results = new List<PostPhase>();
        foreach (var phase in settings.RatePhases())
        {
            log($"POST at {phase.Rate} rps for {phase.Seconds} s");
            results.Add(await phases.RunAsync(phase.Name, phase.Rate, settings.RateConnections, phase.Seconds, cancellationToken));
        }

        log("POST at saturation");
        results.Add(await phases.RunAsync("saturation", null, settings.SaturationConnections, settings.SaturationSeconds, cancellationToken));

        log("GET at saturation");
        memory.Reset();
        var get = await load.RunAsync(GetSpec(platform, phases.IdsFile("saturation"), settings.GetSeconds, "get"), cancellationToken);
        var getPeaks = memory.Peaks();
        log($"  get: {get.Summary()}");

        log("restarting each service alone");
        var onRestart = await platform.RestartEachAsync(cancellationToken);

        var underLoad = results.Select(p => p.PeakWorkingSetMb).Append(getPeaks)
            .SelectMany(p => p).Where(p => p.Key != BaselineProcess.Name)
            .GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Max(p => p.Value), StringComparer.Ordinal);
        underLoad[BaselineProcess.Name] = baselinePeak;
        var percent = Math.Round(100 * results.Single(p => p.IsSaturation).Load.RequestsPerSecond / Math.Max(1, baselineSaturation.RequestsPerSecond), 1);
        return new BenchmarkReport(DateTimeOffset.UtcNow, Math.Round(clock.Elapsed.TotalSeconds), machine, settings,
            PlatformSession.Configuration(settings), baselineSaturation, results, get, percent, idle, underLoad, atStart, onRestart, stateRoundTrip,
            SidecarMemoryCheck.From(sidecarIdle, results), TargetCheck.Evaluate(results, percent, underLoad, onRestart),
            new LoadAverage(loadAtStart, LoadAverage.OneMinute()));
    }

    private LoadSpec GetSpec(PlatformSession platform, string idsFile, int seconds, string tag) =>
        new(platform.OrderUrl, LoadSpec.GetOrders, seconds, settings.SaturationConnections, null, [], tag, idsFile, null, [platform.OperatorToken]);
}
