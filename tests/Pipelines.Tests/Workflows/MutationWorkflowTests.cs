using System.Text.Json;
using System.Text.Json.Nodes;
using Pipelines.Tests.Infrastructure;

namespace Pipelines.Tests.Workflows;

/// <summary>mutation.yml and scripts/mutation.sh: every service is mutation-tested, weekly and on demand, never per push.</summary>
public sealed class MutationWorkflowTests
{
    private static readonly Workflow Mutation = Workflow.Load(".github/workflows/mutation.yml");

    private static IEnumerable<string> Services() =>
        Directory.EnumerateDirectories(Repo.PathOf("apps"), "*Service")
            .Select(Path.GetFileName)
            .Where(name => File.Exists(Repo.PathOf($"tests/{name}.Tests/{name}.Tests.csproj")))
            .Order(StringComparer.Ordinal)!;

    [Fact]
    public void Every_service_with_a_test_project_is_in_the_matrix_and_in_the_script_default()
    {
        var matrix = Mutation.Job("stryker").Node["strategy"]!["matrix"]!["service"]!.AsArray().Select(n => n!.ToString());
        var defaults = Repo.ReadText("scripts/mutation.sh").Split('\n')
            .Single(line => line.TrimStart().StartsWith("services=(", StringComparison.Ordinal) && line.Contains("Service", StringComparison.Ordinal))
            .Trim().TrimStart("services=(".ToCharArray()).TrimEnd(')').Split(' ', StringSplitOptions.RemoveEmptyEntries);

        Services().Should().HaveCount(5);
        matrix.Order(StringComparer.Ordinal).Should().Equal(Services());
        defaults.Order(StringComparer.Ordinal).Should().Equal(Services(), "scripts/mutation.sh with no argument runs every service");
    }

    [Fact]
    public void Runs_weekly_and_by_hand_not_on_pushes_or_pull_requests()
    {
        var on = Mutation.Root["on"]!.AsObject();

        on.Select(kv => kv.Key).Order(StringComparer.Ordinal).Should().Equal("schedule", "workflow_dispatch");
        on["schedule"]!.AsArray().Should().ContainSingle();
    }

    [Fact]
    public void The_pinned_stryker_is_the_one_the_script_restores()
    {
        var manifest = JsonNode.Parse(Repo.ReadText("tests/dotnet-tools.json"))!;
        var config = JsonDocument.Parse(Repo.ReadText("tests/mutation/stryker-config.json")).RootElement.GetProperty("stryker-config");

        manifest["tools"]!["dotnet-stryker"]!["version"]!.ToString().Should().Be("5.1.0");
        Repo.ReadText("scripts/mutation.sh").Should().Contain("--tool-manifest tests/dotnet-tools.json")
            .And.Contain("--config-file \"$root/tests/mutation/stryker-config.json\"");
        config.GetProperty("ignore-methods").EnumerateArray().Select(e => e.GetString()).Should().Contain(["*LogInformation", "*.WithName"]);
        Mutation.Steps.Should().Contain(s => s.Run != null && s.Run.Contains("scripts/mutation.sh \"${{ matrix.service }}\"", StringComparison.Ordinal));
    }
}
