using System.Globalization;
using OrderPlatform.Contracts;

namespace OrderPlatform.Benchmark.Report;

/// <summary>One of issue 17's targets, what this run reached, and whether that meets it (reported, never asserted).</summary>
public sealed record TargetCheck(string Target, string Actual, bool Met)
{
    public const double MaxCallsPerOrder = 30;
    public const double MaxCpuMsPerOrder = 15;
    public const double MinSustainedPerSecond = 100;
    public const double MinBurstPerSecond = 150;
    public const double MaxP99At500Ms = 5000;
    public const double MinPercentOfBaseline = 15;
    public const double MaxServiceMb = 120;
    public const double MaxReadyMs = 800;

    private static readonly string[] Services =
        [AppIds.OrderService, AppIds.InventoryService, AppIds.PaymentService, AppIds.ShippingService, AppIds.NotificationService];

    public static IReadOnlyList<TargetCheck> Evaluate(
        IReadOnlyList<PostPhase> phases, double percentOfBaseline,
        IReadOnlyDictionary<string, double> loadMb, IReadOnlyDictionary<string, double> readyMs)
    {
        ArgumentNullException.ThrowIfNull(phases);
        var sustained = phases.FirstOrDefault(p => p.Name.StartsWith("sustained-", StringComparison.Ordinal));
        var burst = phases.FirstOrDefault(p => p.Name == "rate-200");
        var at500 = phases.FirstOrDefault(p => p.Name == "rate-500");
        var heaviest = Services.Select(s => (s, Mb: loadMb.GetValueOrDefault(s))).MaxBy(x => x.Mb);
        var slowest = Services.Select(s => (s, Ms: readyMs.GetValueOrDefault(s))).MaxBy(x => x.Ms);
        var burstDrained = burst is { EndToEnd: { Unfinished: 0, Failed: 0, Drained: true } };
        return
        [
            new($"sidecar calls per completed order ≤ {MaxCallsPerOrder}",
                Format($"{sustained?.SidecarCallsPerCompletedOrder} ({sustained?.Name})"), sustained?.SidecarCallsPerCompletedOrder <= MaxCallsPerOrder),
            new($"CPU ms per completed order, all processes, sustained ≤ {MaxCpuMsPerOrder}",
                Format($"{sustained?.CpuMsPerCompletedOrder} ms ({sustained?.Name}, load + drain)"), sustained?.CpuMsPerCompletedOrder <= MaxCpuMsPerOrder),
            new($"completed orders/s sustained 60 s ≥ {MinSustainedPerSecond}",
                Format($"{sustained?.EndToEnd.CompletedPerSecond} /s (offered {sustained?.OfferedPerSecond}, accepted {sustained?.AcceptedPerSecond} /s)"),
                sustained?.EndToEnd.CompletedPerSecond >= MinSustainedPerSecond),
            new($"10 s burst at 200 rps: ≥ {MinBurstPerSecond} completed/s, all drained",
                Format($"{burst?.EndToEnd.CompletedPerSecond} /s, {burst?.EndToEnd.Unfinished} unfinished, {burst?.Refused} answered 429"),
                burst?.EndToEnd.CompletedPerSecond >= MinBurstPerSecond && burstDrained),
            new($"completion p99 at 500 rps < {MaxP99At500Ms / 1000} s (accepted orders), excess answered 429",
                Format($"{Seconds(at500?.EndToEnd.CompletionP99Ms)} s, {at500?.Refused} answered 429, {at500?.EndToEnd.Unfinished} unfinished"),
                at500?.EndToEnd.CompletionP99Ms < MaxP99At500Ms && at500.Refused > 0 && at500.EndToEnd.Unfinished == 0),
            new($"POST /api/orders at saturation ≥ {MinPercentOfBaseline}% of bare Kestrel", Format($"{percentOfBaseline}%"), percentOfBaseline >= MinPercentOfBaseline),
            new($"each service < {MaxServiceMb} MB working set under load",
                Format($"max {heaviest.Mb} MB ({heaviest.s})"), heaviest.Mb > 0 && heaviest.Mb < MaxServiceMb),
            new($"each service ready in < {MaxReadyMs / 1000} s when restarted alone",
                Format($"max {slowest.Ms} ms ({slowest.s})"), slowest.Ms > 0 && slowest.Ms < MaxReadyMs),
        ];
    }

    private static string? Seconds(double? ms) => ms is { } value ? Math.Round(value / 1000, 2).ToString(CultureInfo.InvariantCulture) : null;

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
