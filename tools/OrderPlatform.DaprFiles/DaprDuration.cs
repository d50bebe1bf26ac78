using System.Globalization;
using System.Text.RegularExpressions;

namespace OrderPlatform.DaprFiles;

/// <summary>Parses durations the way Dapr does (Go's time.ParseDuration): "5s", "1m30s", "500ms", "1.5h", "250us".</summary>
public static partial class DaprDuration
{
    public static TimeSpan Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Trim();
        if (text is "0")
        {
            return TimeSpan.Zero;
        }

        var matches = Part().Matches(text);
        if (matches.Count == 0 || matches.Sum(m => m.Length) != text.Length)
        {
            throw new FormatException($"'{value}' is not a duration (expected e.g. 5s, 1m30s, 500ms).");
        }

        double ticks = 0;
        foreach (Match match in matches)
        {
            var number = double.Parse(match.Groups["n"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            ticks += number * TicksPerUnit(match.Groups["u"].Value);
        }

        return TimeSpan.FromTicks((long)Math.Round(ticks));
    }

    public static bool TryParse(string? value, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        try
        {
            duration = Parse(value);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static double TicksPerUnit(string unit) => unit switch
    {
        "ns" => 0.01,
        "us" or "µs" => 10,
        "ms" => TimeSpan.TicksPerMillisecond,
        "s" => TimeSpan.TicksPerSecond,
        "m" => TimeSpan.TicksPerMinute,
        _ => TimeSpan.TicksPerHour,
    };

    [GeneratedRegex(@"(?<n>\d+(\.\d+)?)(?<u>ns|us|µs|ms|s|m|h)", RegexOptions.CultureInvariant)]
    private static partial Regex Part();
}
