using System.Runtime.InteropServices;
using OrderPlatform.Benchmark;
using OrderPlatform.Benchmark.Report;
using OrderPlatform.Benchmark.Run;
using OrderPlatform.PlatformLauncher;

// dotnet benchmark/OrderPlatform.Benchmark/bin/Release/net10.0/OrderPlatform.Benchmark.dll [--quick] [--output DIR] [--readme FILE]
// (scripts/benchmark.sh builds, installs the load tool and runs this with --readme README.md)
var settings = BenchmarkSettings.FromArgs(args);
var root = RepoPaths.FindRoot();
var results = settings.OutputDirectory ?? Path.Combine(root, "benchmark", "results");
var work = Path.Combine(root, "benchmark", "results", "tmp");
Directory.CreateDirectory(work);
if (settings.Quick)
{
    // A smoke run: never the published numbers.
    results = Path.Combine(work, "quick");
    settings = settings with { ReadmePath = null };
}

// Ctrl+C / SIGTERM cancel the run, so every started process is stopped on the way out.
using var stop = new CancellationTokenSource();
void Cancel(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);

void Log(string line) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");
var report = await new BenchmarkRun(settings, root, work, Log).ExecuteAsync(stop.Token);
var written = ReportWriter.Write(report, results, settings.ReadmePath);
Console.WriteLine(MarkdownReport.Render(report));
Log($"wrote {string.Join(", ", written)}");
