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
