using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderPlatform.Benchmark.Report;

/// <summary>Writes latest.json, latest.md and latest.svg, and the README's table when a README is named.</summary>
public static class ReportWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static IReadOnlyList<string> Write(BenchmarkReport report, string folder, string? readmePath)
    {
        Directory.CreateDirectory(folder);
        var json = Path.Combine(folder, "latest.json");
        var md = Path.Combine(folder, "latest.md");
        var svg = Path.Combine(folder, "latest.svg");
        var table = MarkdownReport.Render(report);
        File.WriteAllText(json, JsonSerializer.Serialize(report, Json) + "\n");
        File.WriteAllText(md, table);
        File.WriteAllText(svg, PhaseChart.Render(report.PostPhases, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"POST /api/orders per phase, {report.GeneratedAt:yyyy-MM-dd HH:mm} UTC, {report.Machine.LogicalCores} cores{(report.LoadAverage1m?.Loaded(report.Machine.LogicalCores) == true ? " (loaded machine)" : string.Empty)}")));
        if (readmePath is null)
        {
            return [json, md, svg];
        }

        // The chart's link, from where the README is.
        var chart = Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(readmePath))!, Path.GetFullPath(svg)).Replace('\\', '/');
        File.WriteAllText(readmePath, ReadmeSection.Replace(File.ReadAllText(readmePath), table.Replace("](latest.svg)", $"]({chart})", StringComparison.Ordinal)));
        return [json, md, svg, readmePath];
    }
}
