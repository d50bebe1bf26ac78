using Pipelines.Tests.Infrastructure;

namespace Pipelines.Tests.Tooling;

/// <summary>Tests that run install-prereqs.sh (which may reinstall tools/actionlint) or actionlint itself run one at a
/// time, after one install-prereqs.sh run, so that `dotnet test tests/Pipelines.Tests` works without scripts/test.sh.</summary>
[CollectionDefinition(Name)]
public sealed class ToolsCollection : ICollectionFixture<PrereqsFixture>
{
    public const string Name = "tools/actionlint";
}

public sealed class PrereqsFixture : IAsyncLifetime
{
    public ProcessResult? Install { get; private set; }

    public async Task InitializeAsync() =>
        Install = await ProcessRunner.RunAsync(Repo.PathOf("scripts/install-prereqs.sh"), [], Repo.Root);

    public Task DisposeAsync() => Task.CompletedTask;
}
