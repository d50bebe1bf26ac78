using OrderPlatform.Benchmark.Report;

namespace OrderPlatform.Benchmark.Tests;

public class ReadmeSectionTests
{
    [Fact]
    public void Replaces_only_what_is_between_the_markers()
    {
        var readme = $"# Title\n\n## Benchmark\n{ReadmeSection.Start}\nold table\n{ReadmeSection.End}\n\n## After\ntext\n";

        var updated = ReadmeSection.Replace(readme, "| new | table |\n");

        updated.Should().Be($"# Title\n\n## Benchmark\n{ReadmeSection.Start}\n| new | table |\n{ReadmeSection.End}\n\n## After\ntext\n");
    }

    [Fact]
    public void Appends_a_benchmark_section_when_the_markers_are_missing()
    {
        var updated = ReadmeSection.Replace("# Title\n", "| t |");

        updated.Should().Be($"# Title\n\n## Benchmark\n\n{ReadmeSection.Start}\n| t |\n{ReadmeSection.End}\n");
    }

    [Fact]
    public void Refuses_a_readme_with_only_one_marker()
    {
        var act = () => ReadmeSection.Replace($"# Title\n{ReadmeSection.Start}\n", "| t |");

        act.Should().Throw<InvalidOperationException>();
    }
}
