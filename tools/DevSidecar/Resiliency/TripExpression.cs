using System.Globalization;
using System.Text.RegularExpressions;

namespace OrderPlatform.DevSidecar.Resiliency;

/// <summary>The counters gobreaker keeps for one generation; a trip expression is evaluated against them.</summary>
public readonly record struct BreakerCounts(
    long Requests, long TotalSuccesses, long TotalFailures, long ConsecutiveSuccesses, long ConsecutiveFailures);

/// <summary>
/// The subset of Dapr's CEL trip expressions supported here: `counter op N`, joined with `&amp;&amp;` or `||`
/// (no parentheses), where counter is requests, totalSuccesses, totalFailures, consecutiveSuccesses or
/// consecutiveFailures and op is &gt;, &gt;=, ==, &lt;, &lt;=. Example: `consecutiveFailures &gt;= 5`.
/// </summary>
public sealed partial class TripExpression
{
    private readonly List<List<Func<BreakerCounts, bool>>> anyOfAll;

    private TripExpression(string text, List<List<Func<BreakerCounts, bool>>> anyOfAll)
    {
        Text = text;
        this.anyOfAll = anyOfAll;
    }

    public string Text { get; }

    public bool ShouldTrip(BreakerCounts counts) => anyOfAll.Exists(all => all.TrueForAll(term => term(counts)));

    public static TripExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var anyOf = text.Split("||")
            .Select(alternative => alternative.Split("&&").Select(ParseTerm).ToList())
            .ToList();
        return new TripExpression(text.Trim(), anyOf);
    }

    private static Func<BreakerCounts, bool> ParseTerm(string term)
    {
        var match = Term().Match(term);
        if (!match.Success)
        {
            throw new FormatException($"Unsupported circuit breaker trip expression '{term.Trim()}'.");
        }

        var limit = long.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        Func<BreakerCounts, long> counter = match.Groups["c"].Value switch
        {
            "requests" => c => c.Requests,
            "totalSuccesses" => c => c.TotalSuccesses,
            "totalFailures" => c => c.TotalFailures,
            "consecutiveSuccesses" => c => c.ConsecutiveSuccesses,
            _ => c => c.ConsecutiveFailures,
        };
        return match.Groups["op"].Value switch
        {
            ">" => c => counter(c) > limit,
            ">=" => c => counter(c) >= limit,
            "<" => c => counter(c) < limit,
            "<=" => c => counter(c) <= limit,
            _ => c => counter(c) == limit,
        };
    }

    [GeneratedRegex(
        @"^\s*(?<c>requests|totalSuccesses|totalFailures|consecutiveSuccesses|consecutiveFailures)\s*(?<op>>=|<=|==|>|<)\s*(?<n>\d+)\s*$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Term();
}
