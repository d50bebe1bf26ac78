using System.Diagnostics;
using System.Text.Json;

namespace OrderPlatform.Benchmark.Load;

/// <summary>Runs one phase with autocannon through <c>node benchmark/load/run-load.mjs spec.json</c>.</summary>
public sealed class LoadTool(string loadFolder, string workFolder)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Describe() => $"autocannon {ReadAutocannonVersion()}";

    public async Task<LoadResult> RunAsync(LoadSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var specFile = Path.Combine(workFolder, $"{spec.Tag}.spec.json");
        await File.WriteAllTextAsync(specFile, JsonSerializer.Serialize(spec, Json), cancellationToken);

        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(loadFolder, "run-load.mjs"));
        info.ArgumentList.Add(specFile);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("node did not start.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(spec.DurationSeconds + 60));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Load phase '{spec.Tag}' failed ({process.ExitCode}): {await stderr}");
        }

        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        return JsonSerializer.Deserialize<LoadResult>(last, Json)
            ?? throw new InvalidOperationException($"Load phase '{spec.Tag}' printed no result.");
    }

    private string ReadAutocannonVersion()
    {
        var package = Path.Combine(loadFolder, "node_modules", "autocannon", "package.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(package));
        return doc.RootElement.GetProperty("version").GetString() ?? "?";
    }
}
