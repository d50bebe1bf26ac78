using Pipelines.Tests.Infrastructure;

namespace Pipelines.Tests.Workflows;

public class ActionPinningTests
{
    [Fact]
    public void Every_action_is_pinned_to_a_full_version_or_commit()
    {
        var unpinned = Workflow.All().SelectMany(w => w.Steps)
            .Where(s => s.Uses is not null && !ActionRefs.IsPinned(s.Uses))
            .Select(s => $"{s.Where}: {s.Uses}");

        unpinned.Should().BeEmpty();
    }

    [Fact]
    public void Every_local_action_exists()
    {
        var missing = Workflow.All().SelectMany(w => w.Steps)
            .Where(s => s.Uses is not null && s.Uses.StartsWith("./", StringComparison.Ordinal) && !RepoFiles.Exists(s.Uses[2..]))
            .Select(s => $"{s.Where}: {s.Uses}");

        missing.Should().BeEmpty();
    }

    [Theory]
    [InlineData("actions/checkout@v6.0.2", true)]
    [InlineData("github/codeql-action/upload-sarif@v4.36.2", true)]
    [InlineData("actions/checkout@8e8c483db84b4bee98b60c0593521ed34d9990e8", true)]
    [InlineData("docker://redis/redis-stack-server:7.4.0-v8", true)]
    [InlineData("./.github/actions/setup", true)]
    [InlineData("actions/checkout@v6", false)]
    [InlineData("actions/checkout@v6.0", false)]
    [InlineData("actions/checkout@main", false)]
    [InlineData("actions/checkout", false)]
    [InlineData("docker://redis:latest", false)]
    public void Pin_check_accepts_only_exact_versions(string uses, bool pinned)
    {
        ActionRefs.IsPinned(uses).Should().Be(pinned);
    }
}
