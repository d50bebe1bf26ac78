using System.Text.RegularExpressions;
using Pipelines.Tests.Infrastructure;

namespace Pipelines.Tests.Tooling;

/// <summary>The README's CI/CD section and badges name the workflows that exist.</summary>
public sealed partial class ReadmeTests
{
    private static readonly string Readme = Repo.ReadText("README.md");

    [Fact]
    public void CI_CD_section_names_every_workflow_and_azd_pipeline_config()
    {
        var section = Section();

        section.Should().Contain("azd pipeline config");
        foreach (var file in Repo.WorkflowFiles())
        {
            section.Should().Contain($"`{file}`");
        }
    }

    [Fact]
    public void Every_workflow_the_README_links_or_badges_exists()
    {
        var named = WorkflowLinkPattern().Matches(Readme).Select(m => $".github/workflows/{m.Groups[1].Value}").ToList();

        named.Should().NotBeEmpty("the README shows a badge per workflow");
        named.Should().BeSubsetOf(Repo.WorkflowFiles());
    }

    [Fact]
    public void Section_names_the_same_test_filters_and_Dapr_version_as_the_workflows()
    {
        var ci = Workflow.Load(".github/workflows/ci.yml");
        var workflowFilters = Workflow.All().SelectMany(w => w.Steps).Where(s => s.Run is not null)
            .SelectMany(s => RunScripts.Filters(s.Run!)).Distinct();

        RunScripts.Filters(Section()).Distinct().Should().BeEquivalentTo(workflowFilters);
        Section().Should().Contain($"runtime {ci.Job("dapr-e2e").EnvValue("DAPR_RUNTIME_VERSION")}");
    }

    [Fact]
    public void Section_trusts_only_the_deploy_jobs_environment_for_both_identity_kinds_and_removes_the_others()
    {
        // azd pipeline config (Azure/azure-dev cli/azd/pkg/pipeline/github_provider.go) creates `<slug>-pull_request`
        // and `<slug>-<branch>` credentials for a managed identity (its default choice) or a service principal.
        var environment = Workflow.Load(".github/workflows/azure-dev.yml").Job("deploy").Node["environment"]!["name"]!.ToString();
        var section = Section();

        section.Should().Contain($"repo:<owner>/<repo>:environment:{environment}");
        section.Should().Contain("az identity federated-credential create").And.Contain("az ad app federated-credential create");
        section.Should().Contain("az identity federated-credential delete").And.Contain("az ad app federated-credential delete");
        section.Should().Contain("<owner>-<repo>-pull_request").And.Contain("<owner>-<repo>-main");
        section.Should().Contain($"environments/{environment}/deployment-branch-policies");
    }

    private static string Section()
    {
        var start = Readme.IndexOf("\n## CI/CD", StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0, "the README has a '## CI/CD' section");
        var end = Readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return end < 0 ? Readme[start..] : Readme[start..end];
    }

    [GeneratedRegex(@"workflows/([\w.-]+\.ya?ml)")]
    private static partial Regex WorkflowLinkPattern();
}
