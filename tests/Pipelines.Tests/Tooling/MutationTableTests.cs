using System.Text.Json;
using Pipelines.Tests.Infrastructure;

namespace Pipelines.Tests.Tooling;

/// <summary>scripts/mutation_table.py: the score table in tests/README.md, from a whole run and later re-runs of some files.</summary>
public sealed class MutationTableTests
{
    private static readonly string Script = Repo.PathOf("scripts/mutation_table.py");

    [Fact]
    public async Task A_whole_run_is_counted_as_stryker_reports_it()
    {
        var dir = Directory.CreateTempSubdirectory("mutation-");
        try
        {
            Write(dir, "OrderService/reports", At(10, 0), new()
            {
                ["/src/A.cs"] = ["Killed", "Killed", "Survived", "Timeout"],
                ["/src/B.cs"] = ["NoCoverage", "Killed", "Ignored", "CompileError"],
            });

            var table = await RunAsync(dir);

            // (3 killed + 1 timeout) / (3 + 1 + 1 survived + 1 no coverage); ignored and compile errors are not counted.
            table.Should().Contain("| OrderService | 2026-11-29 10:00 | 66.7% | 3 | 1 | 1 | 1 | 1 |");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_newer_re_run_of_some_files_replaces_only_those_files()
    {
        var dir = Directory.CreateTempSubdirectory("mutation-");
        try
        {
            Write(dir, "OrderService/reports", At(10, 0), new()
            {
                ["/src/A.cs"] = ["Killed", "Survived", "Survived"],
                ["/src/B.cs"] = ["Killed", "Survived"],
            });
            // A re-run of A.cs only, in another checkout: B.cs is in its report, every mutant left out by the --mutate globs.
            Write(dir, "OrderService/partial/workflow/reports", At(11, 30), root: "/other/checkout/apps/OrderService", files: new()
            {
                ["/src/A.cs"] = ["Killed", "Killed", "Killed"],
                ["/src/B.cs"] = ["Ignored:Removed by mutate filter", "Ignored:Removed by mutate filter"],
            });
            // Older than the whole run: superseded by it.
            Write(dir, "OrderService/partial/stale/reports", At(9, 0), new()
            {
                ["/src/B.cs"] = ["Killed", "Killed"],
            });

            var table = await RunAsync(dir);

            table.Should().Contain("| OrderService | 2026-11-29 10:00 + files re-run 11:30 | 80.0% | 4 | 0 | 1 | 0 | 0 |");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static DateTime At(int hour, int minute) => new(2026, 11, 29, hour, minute, 0, DateTimeKind.Utc);

    private static void Write(DirectoryInfo dir, string folder, DateTime writtenAt, Dictionary<string, string[]> files) =>
        Write(dir, folder, writtenAt, "/src", files);

    private static void Write(DirectoryInfo dir, string folder, DateTime writtenAt, string root, Dictionary<string, string[]> files)
    {
        var report = new
        {
            projectRoot = root,
            files = files.ToDictionary(f => root + f.Key[4..], f => new
            {
                mutants = f.Value.Select(s => s.Split(':') is [var status, var reason]
                    ? (object)new { status, statusReason = reason }
                    : new { status = s }),
            }),
        };
        var path = Path.Combine(dir.FullName, folder, "mutation-report.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(report));
        File.SetLastWriteTimeUtc(path, writtenAt);
    }

    private static async Task<string> RunAsync(DirectoryInfo dir)
    {
        var readme = Path.Combine(dir.FullName, "README.md");
        var result = await ProcessRunner.RunAsync("python3", [Script, dir.FullName, readme], Repo.Root);
        result.ExitCode.Should().Be(0, result.Output);
        return File.ReadAllText(readme);
    }
}
