namespace Pipelines.Tests.Infrastructure;

/// <summary>The repository under test, found by walking up from the test assembly to OrderPlatform.sln.</summary>
internal static class Repo
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string WorkflowsDirectory => Path.Combine(Root, ".github", "workflows");

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string ReadText(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>Every workflow file (.yml/.yaml) in .github/workflows, as repo-relative paths.</summary>
    public static IReadOnlyList<string> WorkflowFiles() =>
        Directory.EnumerateFiles(WorkflowsDirectory)
            .Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>C# sources under tests/, skipping build output and the listed project folders.</summary>
    public static IEnumerable<string> TestSources(params string[] excludedProjects) =>
        Directory.EnumerateFiles(PathOf("tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !excludedProjects.Any(p => f.Contains($"{Path.DirectorySeparatorChar}{p}{Path.DirectorySeparatorChar}", StringComparison.Ordinal)));

    /// <summary>The launcher's search (tests/EndToEnd.Tests brings tools/PlatformLauncher along).</summary>
    private static string FindRoot() => OrderPlatform.PlatformLauncher.RepoPaths.FindRoot();
}
