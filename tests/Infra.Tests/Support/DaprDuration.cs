using System.Globalization;
using System.Text.RegularExpressions;

namespace OrderPlatform.Infra.Tests.Support;

/// <summary>Go-style durations as Dapr resiliency specs write them ("500ms", "5s", "1m").</summary>
public static partial class DaprDuration
{
    /// <summary>Dapr's exponential retry starts at 500ms when <c>initialInterval</c> is not set.</summary>
    public static readonly TimeSpan DefaultInitialInterval = TimeSpan.FromMilliseconds(500);

    [GeneratedRegex(@"^(\d+)(ms|s|m|h)$")]
    private static partial Regex Pattern();

    public static TimeSpan Parse(string text)
    {
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            throw new FormatException($"Not a simple duration: {text}");
        }

        var n = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(n),
            "s" => TimeSpan.FromSeconds(n),
            "m" => TimeSpan.FromMinutes(n),
            _ => TimeSpan.FromHours(n),
        };
    }
}
