using System.Text.RegularExpressions;

namespace Pipelines.Tests.Infrastructure;

/// <summary>A condition of a <c>dotnet test --filter</c> expression, e.g. <c>Category=Smoke</c>.</summary>
internal sealed record FilterCondition(string Property, string Operator, string Value);

/// <summary>Reads what the shell scripts of <c>run:</c> steps refer to: repository paths and test filters.</summary>
internal static partial class RunScripts
{
    /// <summary>Top-level folders of the repository; a word starting with one of them is a repository path.</summary>
    public static readonly IReadOnlyList<string> RepoFolders = ["apps", "tests", "scripts", "infra", "components", "tools", ".github"];

    /// <summary>Repository paths in a script: words under <see cref="RepoFolders"/> and solution/project/Bicep
    /// files. URLs, absolute paths and paths under variables ($RUNNER_TEMP/...) are not repository paths.</summary>
    public static IReadOnlyList<string> RepoPaths(string script) =>
        PathPattern().Matches(script)
            .Select(m => m.Groups["path"].Value.TrimEnd('.', ',', ';', ':'))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>The conditions of every <c>--filter</c> in a script.</summary>
    public static IReadOnlyList<FilterCondition> Filters(string script) =>
        FilterPattern().Matches(script)
            .SelectMany(m => ConditionPattern().Matches(m.Groups["expr"].Value))
            .Select(c => new FilterCondition(c.Groups["prop"].Value, c.Groups["op"].Value, c.Groups["value"].Value.Trim()))
            .ToList();

    /// <summary>Expands shell brace alternatives: <c>*.{yml,yaml}</c> gives <c>*.yml</c> and <c>*.yaml</c>.</summary>
    public static IEnumerable<string> ExpandBraces(string path)
    {
        var match = BracePattern().Match(path);
        if (!match.Success)
        {
            return [path];
        }

        return match.Groups["alts"].Value.Split(',')
            .SelectMany(alt => ExpandBraces(path[..match.Index] + alt + path[(match.Index + match.Length)..]));
    }

    [GeneratedRegex(@"(?<![\w$/.~{}*-])(?:\./)?(?<path>(?:(?:apps|tests|scripts|infra|components|tools|\.github)/[\w.*/{},-]*[\w*}]|[\w.-]+\.(?:sln|slnx|csproj|bicep|bicepparam)\b))")]
    private static partial Regex PathPattern();

    [GeneratedRegex(@"--filter(?:\s+|=)(?:""(?<expr>[^""]*)""|'(?<expr>[^']*)'|(?<expr>[^\s""']+))")]
    private static partial Regex FilterPattern();

    [GeneratedRegex(@"(?<prop>[A-Za-z]+)\s*(?<op>!=|!~|=|~)\s*(?<value>[^&|()]+)")]
    private static partial Regex ConditionPattern();

    [GeneratedRegex(@"\{(?<alts>[^{}]*,[^{}]*)\}")]
    private static partial Regex BracePattern();
}
