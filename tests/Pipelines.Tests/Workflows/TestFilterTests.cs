using System.Text.RegularExpressions;
using Pipelines.Tests.Infrastructure;

namespace Pipelines.Tests.Workflows;

public partial class TestFilterTests
{
    private static readonly string[] KnownProperties = ["Category", "FullyQualifiedName", "Name", "ClassName", "DisplayName"];

    [Fact]
    public void Every_category_a_filter_names_is_a_trait_in_the_test_code()
    {
        var traits = TraitCategories();
        var conditions = AllConditions().ToList();

        conditions.Should().NotBeEmpty();
        conditions.Where(c => !KnownProperties.Contains(c.Condition.Property)).Select(c => $"{c.Where}: {c.Condition}")
            .Should().BeEmpty("filters use properties that dotnet test understands for xunit");
        conditions.Where(c => c.Condition.Property == "Category" && !traits.Contains(c.Condition.Value))
            .Select(c => $"{c.Where}: Category {c.Condition.Operator} {c.Condition.Value}")
            .Should().BeEmpty($"the test code declares the categories [{string.Join(", ", traits)}]");
    }

    [Fact]
    public void Deployment_runs_the_smoke_subset_and_the_dapr_job_filters_no_category()
    {
        Conditions(".github/workflows/azure-dev.yml").Should().ContainSingle()
            .Which.Should().Be(new FilterCondition("Category", "=", "Smoke"));
        Conditions(".github/workflows/ci.yml").Should().NotBeEmpty()
            .And.NotContain(c => c.Property == "Category", "the real-Dapr job runs every end-to-end test (DaprJobTests)");
    }

    [Fact]
    public void Filter_reader_splits_expressions_into_conditions()
    {
        var conditions = RunScripts.Filters("""dotnet test x --filter "Category=Smoke|Category!=Slow&Name~Order" --no-build""");

        conditions.Should().Equal(
            new FilterCondition("Category", "=", "Smoke"),
            new FilterCondition("Category", "!=", "Slow"),
            new FilterCondition("Name", "~", "Order"));
    }

    private static IEnumerable<(string Where, FilterCondition Condition)> AllConditions() =>
        Workflow.All().SelectMany(w => w.Steps).Where(s => s.Run is not null)
            .SelectMany(s => RunScripts.Filters(s.Run!).Select(c => (s.Where, c)));

    private static IEnumerable<FilterCondition> Conditions(string file) =>
        Workflow.Load(file).Steps.Where(s => s.Run is not null).SelectMany(s => RunScripts.Filters(s.Run!));

    /// <summary>Categories declared with [Trait("Category", "...")] in the test projects (this one excluded).</summary>
    private static HashSet<string> TraitCategories() =>
        Repo.TestSources("Pipelines.Tests")
            .SelectMany(f => TraitPattern().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"Trait\(\s*""Category""\s*,\s*""([^""]+)""\s*\)")]
    private static partial Regex TraitPattern();
}
