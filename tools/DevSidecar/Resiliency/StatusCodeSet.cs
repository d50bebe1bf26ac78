using System.Globalization;

namespace OrderPlatform.DevSidecar.Resiliency;

/// <summary>
/// A retry policy's `matching.httpStatusCodes` / `gRPCStatusCodes`: "429,500-599". Empty means "every error".
/// </summary>
public sealed class StatusCodeSet
{
    private readonly List<(int From, int To)> ranges;

    private StatusCodeSet(List<(int From, int To)> ranges) => this.ranges = ranges;

    public static StatusCodeSet All { get; } = new([]);

    public bool IsAll => ranges.Count == 0;

    public bool Contains(int code) => IsAll || ranges.Exists(r => code >= r.From && code <= r.To);

    public static StatusCodeSet Parse(string? text, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return All;
        }

        var ranges = new List<(int, int)>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bounds = part.Split('-', StringSplitOptions.TrimEntries);
            if (bounds.Length > 2
                || !int.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
                || !int.TryParse(bounds[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var to)
                || from < min || to > max || from > to)
            {
                throw new FormatException($"'{part}' is not a status code or range between {min} and {max}.");
            }

            ranges.Add((from, to));
        }

        return new StatusCodeSet(ranges);
    }
}
