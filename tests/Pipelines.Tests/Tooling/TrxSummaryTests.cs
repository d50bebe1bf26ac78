using Pipelines.Tests.Infrastructure;

namespace Pipelines.Tests.Tooling;

/// <summary>.github/scripts/trx_summary.py writes the job summaries of the test steps.</summary>
public sealed class TrxSummaryTests
{
    private static readonly string Script = Repo.PathOf(".github/scripts/trx_summary.py");

    [Fact]
    public async Task Summary_lists_counts_and_each_failed_test_with_its_first_message_line()
    {
        var dir = Directory.CreateTempSubdirectory("trx-");
        try
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "sample-trx.xml"), Path.Combine(dir.FullName, "sample.trx"));

            var result = await ProcessRunner.RunAsync("python3", [Script, "Unit tests", dir.FullName], Repo.Root);

            result.ExitCode.Should().Be(0, result.Output);
            result.Output.Should().Contain("### Unit tests")
                .And.Contain("| sample.trx | 3 | 1 | 1 | 1 |")
                .And.Contain("- `Orders.Pay_declines_over_limit`: Expected status to be Failed, but found Paid.")
                .And.NotContain("second line")
                .And.NotContain("Create_returns_201");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Summary_says_so_when_there_are_no_results()
    {
        var dir = Directory.CreateTempSubdirectory("trx-empty-");
        try
        {
            var result = await ProcessRunner.RunAsync("python3", [Script, "Smoke", dir.FullName], Repo.Root);

            result.ExitCode.Should().Be(0, result.Output);
            result.Output.Should().Contain("No test results (.trx) were found.");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
