using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderPlatform.Benchmark.Report;

/// <summary>Writes latest.json and latest.md, and the README's table when a README is named.</summary>
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
        var table = MarkdownReport.Render(report);
        File.WriteAllText(json, JsonSerializer.Serialize(report, Json) + "\n");
        File.WriteAllText(md, table);
        if (readmePath is null)
        {
            return [json, md];
        }

        File.WriteAllText(readmePath, ReadmeSection.Replace(File.ReadAllText(readmePath), table));
        return [json, md, readmePath];
    }
}
