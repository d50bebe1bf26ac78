using System.Text.Json.Nodes;
using Pipelines.Tests.Infrastructure;

namespace Pipelines.Tests.Workflows;

public class JobPolicyTests
{
    [Fact]
    public void Every_job_has_a_timeout()
    {
        var withoutTimeout = Workflow.All().SelectMany(w => w.Jobs)
            .Where(j => j.Node["timeout-minutes"] is not JsonValue v || (v.TryGetValue<long>(out var minutes) && minutes <= 0))
            .Select(j => j.Where);

        withoutTimeout.Should().BeEmpty();
    }

    [Fact]
    public void Every_workflow_and_every_job_declares_permissions_and_none_grants_write_all()
    {
        var problems = new List<string>();
        foreach (var workflow in Workflow.All())
        {
            problems.AddRange(Check(workflow.File, workflow.Root["permissions"]));
            problems.AddRange(workflow.Jobs.SelectMany(j => Check(j.Where, j.Node["permissions"])));
        }

        problems.Should().BeEmpty();

        static IEnumerable<string> Check(string where, JsonNode? permissions) => permissions switch
        {
            null => [$"{where}: no permissions"],
            JsonValue v when v.ToString() is "write-all" or "read-all" => [$"{where}: permissions {v}"],
            _ => [],
        };
    }

    [Fact]
    public void Write_permissions_are_requested_only_by_jobs_that_use_them()
    {
        var unjustified = new List<string>();
        foreach (var job in Workflow.All().SelectMany(w => w.Jobs))
        {
            var writes = (job.Node["permissions"] as JsonObject ?? [])
                .Where(p => p.Value?.ToString() == "write").Select(p => p.Key);
            foreach (var scope in writes)
            {
                var used = scope switch
                {
                    "security-events" => job.Steps.Any(s => s.Uses?.StartsWith("github/codeql-action/upload-sarif@", StringComparison.Ordinal) == true),
                    "id-token" => job.Steps.Any(s => s.Run?.Contains("--federated-credential-provider github", StringComparison.Ordinal) == true),
                    _ => false,
                };
                if (!used)
                {
                    unjustified.Add($"{job.Where}: {scope}: write");
                }
            }
        }

        unjustified.Should().BeEmpty();
    }

    [Fact]
    public void Every_workflow_has_a_concurrency_group()
    {
        Workflow.All().Where(w => w.Root["concurrency"]?["group"] is null).Select(w => w.File).Should().BeEmpty();
    }

    [Fact]
    public void CI_cancels_superseded_runs_but_deployments_queue()
    {
        Workflow.Load(".github/workflows/ci.yml").Root["concurrency"]!["cancel-in-progress"]!.GetValue<bool>().Should().BeTrue();
        Workflow.Load(".github/workflows/azure-dev.yml").Root["concurrency"]!["cancel-in-progress"]!.GetValue<bool>().Should().BeFalse();
    }
}
