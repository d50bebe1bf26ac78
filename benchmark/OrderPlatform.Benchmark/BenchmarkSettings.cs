using System.Globalization;

namespace OrderPlatform.Benchmark;

/// <summary>
/// Phase lengths, rates and connections. <c>--quick</c> halves every duration (a smoke run, not for the README);
/// <c>--verbose</c> echoes every process's output at default log levels (diagnosis only);
/// <c>--output DIR</c> and <c>--readme FILE</c> say where results go.
/// </summary>
public sealed record BenchmarkSettings
{
    /// <summary>10 rps is one the platform keeps up with on 2 cores (the sidecar's memory without a backlog).</summary>
    public IReadOnlyList<int> FixedRates { get; init; } = [10, 50, 200, 500];
    public int RateSeconds { get; init; } = 10;

    /// <summary>
    /// A rate held for a minute: the 10 s phases show bursts, this one what the platform completes for longer. Offered
    /// at issue 17's target (100 orders/s); order-service's admission control answers 429 to what it cannot take. It
    /// runs after the fixed rates up to <see cref="SustainedAfterRate"/> and before the higher ones.
    /// </summary>
    public int SustainedRate { get; init; } = 100;
    public int SustainedSeconds { get; init; } = 60;
    public int SustainedAfterRate { get; init; } = 50;
    public int SaturationSeconds { get; init; } = 15;
    public int GetSeconds { get; init; } = 10;
    public int BaselineSeconds { get; init; } = 10;
    public int WarmupSeconds { get; init; } = 10;

    /// <summary>Warm-up POST rate: enough to JIT every path, low enough to leave no backlog for the phases after it.</summary>
    public int WarmupRate { get; init; } = 20;
    public int SaturationConnections { get; init; } = 32;
    public int RateConnections { get; init; } = 64;
    public int Products { get; init; } = 100;
    public int StockPerProduct { get; init; } = 1_000_000;
    public int DrainTimeoutSeconds { get; init; } = 30;
    public bool Quick { get; init; }
    public bool Verbose { get; init; }
    public string? OutputDirectory { get; init; }
    public string? ReadmePath { get; init; }

    /// <summary>
    /// <c>--service-env NAME=VALUE</c> (repeatable): an environment variable for every service, e.g. a runtime setting
    /// (<c>DOTNET_GCgen0MaxBudget</c>) for an A/B run without rebuilding; listed in the report's configuration.
    /// </summary>
    public IReadOnlyDictionary<string, string> ServiceEnvironment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public static BenchmarkSettings FromArgs(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var settings = new BenchmarkSettings();
        for (var i = 0; i < args.Count; i++)
        {
            settings = args[i] switch
            {
                "--quick" => settings.Halved(),
                "--verbose" => settings with { Verbose = true },
                "--output" => settings with { OutputDirectory = Value(args, ++i) },
                "--readme" => settings with { ReadmePath = Value(args, ++i) },
                "--rate-seconds" => settings with { RateSeconds = int.Parse(Value(args, ++i), CultureInfo.InvariantCulture) },
                "--service-env" => settings.WithServiceEnvironment(Value(args, ++i)),
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'. Use --quick, --verbose, --output DIR, --readme FILE, --rate-seconds N, --service-env NAME=VALUE."),
            };
        }

        return settings;
    }

    /// <summary>The fixed-rate POST phases in the order they run.</summary>
    public IReadOnlyList<RatePhase> RatePhases() =>
    [
        .. FixedRates.Where(r => r <= SustainedAfterRate).Select(Fixed),
        new RatePhase($"sustained-{SustainedRate}", SustainedRate, SustainedSeconds),
        .. FixedRates.Where(r => r > SustainedAfterRate).Select(Fixed),
    ];

    public IEnumerable<string> ProductIds() =>
        Enumerable.Range(1, Products).Select(i => string.Create(CultureInfo.InvariantCulture, $"BENCH-{i:000}"));

    private BenchmarkSettings WithServiceEnvironment(string assignment)
    {
        var equals = assignment.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ArgumentException($"--service-env needs NAME=VALUE, got '{assignment}'.");
        }

        return this with
        {
            ServiceEnvironment = new Dictionary<string, string>(ServiceEnvironment, StringComparer.Ordinal)
            {
                [assignment[..equals]] = assignment[(equals + 1)..],
            },
        };
    }

    private BenchmarkSettings Halved() => this with
    {
        Quick = true,
        RateSeconds = Math.Max(3, RateSeconds / 2),
        SustainedSeconds = Math.Max(3, SustainedSeconds / 2),
        SaturationSeconds = Math.Max(3, SaturationSeconds / 2),
        GetSeconds = Math.Max(3, GetSeconds / 2),
        BaselineSeconds = Math.Max(3, BaselineSeconds / 2),
        WarmupSeconds = Math.Max(3, WarmupSeconds / 2),
    };

    private RatePhase Fixed(int rate) => new($"rate-{rate}", rate, RateSeconds);

    private static string Value(IReadOnlyList<string> args, int index) =>
        index < args.Count ? args[index] : throw new ArgumentException($"'{args[index - 1]}' needs a value.");
}

/// <summary>One fixed-rate POST phase: its name in the report, the offered rate and how long it is held.</summary>
public sealed record RatePhase(string Name, int Rate, int Seconds);
