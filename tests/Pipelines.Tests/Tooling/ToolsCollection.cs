namespace Pipelines.Tests.Tooling;

/// <summary>Tests that run install-prereqs.sh (which may reinstall tools/actionlint) or actionlint itself run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ToolsCollection
{
    public const string Name = "tools/actionlint";
}
