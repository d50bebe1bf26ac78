using System.Globalization;
using System.Text;
using OrderPlatform.Benchmark.Load;

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
        Line(md, $"| `POST /api/orders` | offered | achieved req/s | p50 ms | p90 ms | p99 ms | non-2xx / errors | completed end to end /s | completion p50 / p99 ms | sidecar calls / order |");
        Line(md, $"| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var phase in report.PostPhases)
        {
            var e2e = phase.EndToEnd;
            var offered = phase.OfferedRate is { } rate ? $"{rate} rps, {Math.Round(phase.Load.Seconds)} s" : $"saturation ({phase.Connections} conn.)";
            var unfinished = e2e.Failed + e2e.Unfinished > 0 ? $" ({e2e.Failed} failed, {e2e.Unfinished} unfinished)" : string.Empty;
            Line(md, $"| platform | {offered} | {LoadCells(phase.Load)} | {e2e.CompletedPerSecond}{unfinished} | {Ms(e2e.CompletionP50Ms)} / {Ms(e2e.CompletionP99Ms)} | {phase.SidecarCallsPerOrder} |");
        }

        Line(md, $"| bare Kestrel | saturation ({report.Settings.SaturationConnections} conn.) | {LoadCells(report.BaselinePostSaturation)} | – | – | – |");
        md.Append('\n');
        Line(md, $"POST at saturation = **{report.PostSaturationPercentOfBaseline}%** of bare Kestrel. `GET /api/orders/{{id}}` at saturation: **{report.GetSaturation.RequestsPerSecond} req/s** (p50 {Ms(report.GetSaturation.LatencyMs.P50)} ms, p99 {Ms(report.GetSaturation.LatencyMs.P99)} ms, {report.GetSaturation.Non2xx + report.GetSaturation.Errors} non-2xx / errors).");
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
        Line(md, $"| target (issue 7) | this run | met |");
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

    private static string LoadCells(LoadResult load) =>
        Format($"{load.RequestsPerSecond} | {Ms(load.LatencyMs.P50)} | {Ms(load.LatencyMs.P90)} | {Ms(load.LatencyMs.P99)} | {load.Non2xx} / {load.Errors + load.Timeouts}");

    private static string Ms(double? value) => value is { } ms ? ms.ToString("0.0", CultureInfo.InvariantCulture) : "–";

    private static string Cell(IReadOnlyDictionary<string, double> values, string name) =>
        values.TryGetValue(name, out var value) ? value.ToString(CultureInfo.InvariantCulture) : "–";

    private static void Line(StringBuilder md, FormattableString text) => md.Append(Format(text)).Append('\n');

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
