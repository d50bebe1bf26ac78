using System.Globalization;
using OrderPlatform.Contracts;

namespace OrderPlatform.Benchmark.Report;

/// <summary>One of issue 7's targets, what this run reached, and whether that meets it (reported, never asserted).</summary>
public sealed record TargetCheck(string Target, string Actual, bool Met)
{
    public const double MaxServiceMb = 80;
    public const double MaxReadyMs = 1000;

    private static readonly string[] Services =
        [AppIds.OrderService, AppIds.InventoryService, AppIds.PaymentService, AppIds.ShippingService, AppIds.NotificationService];

    public static IReadOnlyList<TargetCheck> Evaluate(
        IReadOnlyList<PostPhase> phases, double percentOfBaseline,
        IReadOnlyDictionary<string, double> loadMb, IReadOnlyDictionary<string, double> readyMs)
    {
        ArgumentNullException.ThrowIfNull(phases);
        var best = phases.MaxBy(p => p.EndToEnd.CompletedPerSecond);
        var at200 = phases.FirstOrDefault(p => p.OfferedRate == 200)?.Load.LatencyMs.P99;
        var heaviest = Services.Select(s => (s, Mb: loadMb.GetValueOrDefault(s))).MaxBy(x => x.Mb);
        var slowest = Services.Select(s => (s, Ms: readyMs.GetValueOrDefault(s))).MaxBy(x => x.Ms);
        return
        [
            new("≥ 300 orders/s completed end to end",
                Format($"{best?.EndToEnd.CompletedPerSecond ?? 0} /s ({best?.Name})"), (best?.EndToEnd.CompletedPerSecond ?? 0) >= 300),
            new("POST p99 < 20 ms at 200 rps", Format($"{at200} ms"), at200 is < 20),
            new("POST saturation ≥ 40% of bare Kestrel", Format($"{percentOfBaseline}%"), percentOfBaseline >= 40),
            new("each service < 80 MB working set under load",
                Format($"max {heaviest.Mb} MB ({heaviest.s})"), heaviest.Mb > 0 && heaviest.Mb < MaxServiceMb),
            new("each service ready in < 1 s",
                Format($"max {slowest.Ms} ms ({slowest.s}, on restart)"), slowest.Ms > 0 && slowest.Ms < MaxReadyMs),
        ];
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
