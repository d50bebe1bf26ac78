namespace OrderPlatform.Benchmark.Report;

/// <summary>Puts the latest table into the README between two marker comments (added under "## Benchmark" if missing).</summary>
public static class ReadmeSection
{
    public const string Start = "<!-- benchmark:results:start -->";
    public const string End = "<!-- benchmark:results:end -->";

    public static string Replace(string readme, string table)
    {
        ArgumentNullException.ThrowIfNull(readme);
        ArgumentNullException.ThrowIfNull(table);
        var block = $"{Start}\n{table.TrimEnd('\n')}\n{End}";
        var start = readme.IndexOf(Start, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        if (start >= 0 && end > start)
        {
            return string.Concat(readme.AsSpan(0, start), block, readme.AsSpan(end + End.Length));
        }

        if (start >= 0 || end >= 0)
        {
            throw new InvalidOperationException($"The README has only one of '{Start}' and '{End}'.");
        }

        return $"{readme.TrimEnd('\n')}\n\n## Benchmark\n\n{block}\n";
    }
}
