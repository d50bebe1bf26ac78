using System.Globalization;
using System.Text;

namespace OrderPlatform.Benchmark.Report;

/// <summary>The markdown tables of one run (benchmark/results/latest.md; the README quotes them).</summary>
public static class MarkdownReport
{
    public static string Render(BenchmarkReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        Line(md, $"Run of {report.GeneratedAt:yyyy-MM-dd HH:mm} UTC ({report.DurationSeconds} s{(report.Settings.Quick ? ", quick smoke run" : string.Empty)}) on {report.Machine.Describe()}. Load tool, platform and baseline share the machine; read ratios, not absolutes.");
        md.Append('\n');
        if (report.LoadAverage1m is { } load)
        {
            md.Append(load.Describe(report.Machine.LogicalCores)).Append(".\n\n");
        }

        md.Append("![offered, accepted and completed orders/s and completion p99 per phase](latest.svg)\n\n");
        Line(md, $"| `POST /api/orders` | offered /s | accepted /s | 429 | POST p50 / p99 ms | completed end to end /s | failed / unfinished | completion p50 / p99 s | sidecar calls / completed order: state + publish + invoke + workflow = total | CPU ms / completed order |");
        Line(md, $"| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var phase in report.PostPhases)
        {
            var e2e = phase.EndToEnd;
            var offered = phase.OfferedRate is { } rate ? $"{phase.Name}, {Math.Round(phase.Load.Seconds)} s" : $"saturation ({phase.Connections} conn., {Math.Round(phase.Load.Seconds)} s)";
            var blocks = phase.SidecarCallsPerCompletedOrderByBlock;
            var perOrder = phase.SidecarCallsPerCompletedOrder is { } total
                ? Format($"{Block(blocks, "state")} + {Block(blocks, "publish")} + {Block(blocks, "invoke")} + {Block(blocks, "workflow")} = {total}")
                : "–";
            Line(md, $"| {offered} | {phase.OfferedPerSecond} | {phase.AcceptedPerSecond} | {phase.Refused} | {Ms(phase.Load.LatencyMs.P50)} / {Ms(phase.Load.LatencyMs.P99)} | {e2e.CompletedPerSecond} | {e2e.Failed} / {e2e.Unfinished}{(e2e.Drained ? string.Empty : " (drain timed out)")} | {Sec(e2e.CompletionP50Ms)} / {Sec(e2e.CompletionP99Ms)} | {perOrder} | {phase.CpuMsPerCompletedOrder?.ToString(CultureInfo.InvariantCulture) ?? "–"} |");
        }

        md.Append('\n');
        Line(md, $"Bare Kestrel at saturation ({report.Settings.SaturationConnections} conn.): **{report.BaselinePostSaturation.RequestsPerSecond} req/s** (p50 {Ms(report.BaselinePostSaturation.LatencyMs.P50)} ms, p99 {Ms(report.BaselinePostSaturation.LatencyMs.P99)} ms). POST at saturation = **{report.PostSaturationPercentOfBaseline}%** of bare Kestrel. `GET /api/orders/{{id}}` at saturation: **{report.GetSaturation.RequestsPerSecond} req/s** (p50 {Ms(report.GetSaturation.LatencyMs.P50)} ms, p99 {Ms(report.GetSaturation.LatencyMs.P99)} ms, {report.GetSaturation.Non2xx + report.GetSaturation.Errors} non-2xx / errors).");
        md.Append('\n');
        Line(md, $"| process | working set idle MB | under load (peak) MB | ready at platform start ms | ready on restart alone ms | CPU s during POST saturation | sidecar calls / order (saturation) |");
        Line(md, $"| --- | --- | --- | --- | --- | --- | --- |");
        var calls = report.Saturation.SidecarCallsPerOrderByApp;
        foreach (var name in report.IdleWorkingSetMb.Keys.Order(StringComparer.Ordinal))
        {
            var perApp = calls.TryGetValue(name, out var apis)
                ? string.Join(", ", apis.Where(a => a.Key != "total").Select(a => $"{a.Key} {a.Value}")) + $" (= {apis["total"]})"
                : "–";
            Line(md, $"| {name} | {report.IdleWorkingSetMb[name]} | {report.LoadWorkingSetMb.GetValueOrDefault(name)} | {Cell(report.ReadyAtPlatformStartMs, name)} | {Cell(report.ReadyOnRestartMs, name)} | {Cell(report.Saturation.CpuSecondsDuringLoad, name)} | {perApp} |");
        }

        md.Append('\n');
        Line(md, $"| target (issue 17) | this run | met |");
        Line(md, $"| --- | --- | --- |");
        foreach (var target in report.Targets)
        {
            Line(md, $"| {target.Target} | {target.Actual} | {(target.Met ? "yes" : "**no**")} |");
        }

        md.Append('\n');
        md.Append(report.StateRoundTrip.Describe()).Append('\n');
        md.Append('\n');
        md.Append(report.SidecarMemory.Render());

        return md.ToString();
    }

    private static string Block(IReadOnlyDictionary<string, double> blocks, string block) =>
        blocks.GetValueOrDefault(block).ToString(CultureInfo.InvariantCulture);

    private static string Sec(double? ms) => ms is { } value ? (value / 1000).ToString("0.00", CultureInfo.InvariantCulture) : "–";

    private static string Ms(double? value) => value is { } ms ? ms.ToString("0.0", CultureInfo.InvariantCulture) : "–";

    private static string Cell(IReadOnlyDictionary<string, double> values, string name) =>
        values.TryGetValue(name, out var value) ? value.ToString(CultureInfo.InvariantCulture) : "–";

    private static void Line(StringBuilder md, FormattableString text) => md.Append(Format(text)).Append('\n');

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
