using Microsoft.Extensions.FileSystemGlobbing;

namespace Pipelines.Tests.Infrastructure;

/// <summary>Whether a path or glob (with shell braces) names something in the repository.</summary>
internal static class RepoFiles
{
    public static bool Exists(string path) =>
        RunScripts.ExpandBraces(path).Any(candidate => candidate.Contains('*', StringComparison.Ordinal)
            ? MatchesAny(candidate)
            : File.Exists(Repo.PathOf(candidate)) || Directory.Exists(Repo.PathOf(candidate)));

    private static bool MatchesAny(string glob)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(glob.TrimEnd('/'));
        matcher.AddExcludePatterns(["**/bin/**", "**/obj/**", "**/node_modules/**"]);
        return matcher.GetResultsInFullPath(Repo.Root).Any();
    }
}
