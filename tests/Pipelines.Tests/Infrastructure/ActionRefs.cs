using System.Text.RegularExpressions;

namespace Pipelines.Tests.Infrastructure;

/// <summary>What a step's <c>uses:</c> points at, and whether that is pinned to one exact version.</summary>
internal static partial class ActionRefs
{
    /// <summary>Pinned: <c>owner/repo[/path]@vMAJOR.MINOR.PATCH</c> or a full 40-hex commit SHA; a local action
    /// (<c>./path</c>); a Docker image by digest or by a full version tag.</summary>
    public static bool IsPinned(string uses) =>
        uses.StartsWith("./", StringComparison.Ordinal)
        || RemoteActionPattern().IsMatch(uses)
        || DockerPattern().IsMatch(uses);

    [GeneratedRegex(@"^[\w.-]+/[\w.-]+(/[\w./-]+)?@(v?\d+\.\d+\.\d+|[0-9a-f]{40})$")]
    private static partial Regex RemoteActionPattern();

    [GeneratedRegex(@"^docker://[\w./-]+(@sha256:[0-9a-f]{64}|:v?\d+\.\d+\.\d+[\w.-]*)$")]
    private static partial Regex DockerPattern();
}
