using OrderPlatform.Benchmark.Load;
using OrderPlatform.Benchmark.Measure;
using OrderPlatform.Benchmark.Report;

namespace OrderPlatform.Benchmark.Tests;

public class SettingsAndTargetsTests
{
    [Fact]
    public void Quick_halves_the_phases_and_reads_paths()
    {
        var settings = BenchmarkSettings.FromArgs(["--quick", "--readme", "R.md", "--output", "out"]);

        settings.Should().Match<BenchmarkSettings>(s =>
            s.Quick && s.RateSeconds == 5 && s.SaturationSeconds == 7 && s.ReadmePath == "R.md" && s.OutputDirectory == "out");
    }

    [Fact]
    public void Unknown_arguments_are_refused() =>
        FluentActions.Invoking(() => BenchmarkSettings.FromArgs(["--fast"])).Should().Throw<ArgumentException>();

    [Fact]
    public void Targets_report_met_and_missed()
    {
        PostPhase[] phases = [Phase("rate-200", 200, p99: 12, completedPerSecond: 320), Phase("saturation", null, p99: 80, completedPerSecond: 150)];
        var services = new[] { "order-service", "inventory-service", "payment-service", "shipping-service", "notification-service" };
        var memory = services.ToDictionary(s => s, _ => 60.0);
        memory["order-service"] = 95;
        var ready = services.ToDictionary(s => s, _ => 700.0);

        var targets = TargetCheck.Evaluate(phases, 35, memory, ready);

        targets.Select(t => t.Met).Should().Equal(true, true, false, false, true);
        targets[0].Actual.Should().Contain("320").And.Contain("rate-200");
        targets[3].Actual.Should().Contain("order-service");
    }

    private static PostPhase Phase(string name, int? rate, double p99, double completedPerSecond) => new(
        name, rate, 32,
        new LoadResult(100, 10, 10, 100, 0, 0, 0, new Dictionary<string, long>(), new LatencyMs(1, 2, p99, p99)),
        new EndToEndResult(100, 100, 0, 0, completedPerSecond, 1, 2, 0, true),
        3, new Dictionary<string, IReadOnlyDictionary<string, double>>(), new Dictionary<string, double>(), new Dictionary<string, double>());
}
