namespace OrderPlatform.Benchmark.Load;

/// <summary>Latency percentiles of the 2xx answers, in milliseconds.</summary>
public sealed record LatencyMs(double? P50, double? P90, double? P99, double? Max);

/// <summary>What one autocannon phase measured (the JSON line benchmark/load/run-load.mjs prints).</summary>
public sealed record LoadResult(
    long Requests,
    double Seconds,
    double RequestsPerSecond,
    long Ok,
    long Non2xx,
    long Errors,
    long Timeouts,
    IReadOnlyDictionary<string, long> StatusCodes,
    LatencyMs LatencyMs)
{
    public string Summary() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{RequestsPerSecond} req/s, p50 {LatencyMs.P50} ms, p99 {LatencyMs.P99} ms, status {string.Join(' ', StatusCodes.Select(s => $"{s.Key}×{s.Value}"))}, {Errors} errors, {Timeouts} timeouts");
}

/// <summary>One phase to run: what to hit, how hard (<see cref="Rate"/> null = as fast as it answers), for how long.</summary>
public sealed record LoadSpec(
    Uri Url,
    string Kind,
    int DurationSeconds,
    int Connections,
    int? Rate,
    IReadOnlyList<string> Products,
    string Tag,
    string? IdsIn,
    string? IdsOut,
    IReadOnlyList<string>? Tokens = null)
{
    public const string PostOrders = "post-orders";
    public const string GetOrders = "get-orders";
}
