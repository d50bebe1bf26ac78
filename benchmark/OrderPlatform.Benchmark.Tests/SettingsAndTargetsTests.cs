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
    public void Service_environment_is_read_per_assignment_and_named_in_the_configuration()
    {
        var settings = BenchmarkSettings.FromArgs(["--service-env", "DOTNET_gcConcurrent=0", "--service-env", "DOTNET_GCgen0MaxBudget=200000"]);

        settings.ServiceEnvironment.Should().Equal(new Dictionary<string, string> { ["DOTNET_gcConcurrent"] = "0", ["DOTNET_GCgen0MaxBudget"] = "200000" });
        Run.PlatformSession.Configuration(settings).Should().Contain("DOTNET_gcConcurrent (services, --service-env)", "0");
        FluentActions.Invoking(() => BenchmarkSettings.FromArgs(["--service-env", "=1"])).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Unknown_arguments_are_refused() =>
        FluentActions.Invoking(() => BenchmarkSettings.FromArgs(["--fast"])).Should().Throw<ArgumentException>();

    [Fact]
    public void Targets_report_met_and_missed()
    {
        PostPhase[] phases =
        [
            Phase("sustained-100", 100, p99: 12, completedPerSecond: 120, completionP99Ms: 900, calls: 2_800, cpuSeconds: 12),
            Phase("rate-200", 200, p99: 12, completedPerSecond: 160, unfinished: 1),
            Phase("rate-500", 500, p99: 80, completedPerSecond: 150, completionP99Ms: 4_000, refused: 3_000),
            Phase("saturation", null, p99: 80, completedPerSecond: 150),
        ];
        var services = new[] { "order-service", "inventory-service", "payment-service", "shipping-service", "notification-service" };
        var memory = services.ToDictionary(s => s, _ => 60.0);
        memory["order-service"] = 125;
        var ready = services.ToDictionary(s => s, _ => 700.0);

        var targets = TargetCheck.Evaluate(phases, 14, memory, ready);

        // calls 2,800 / 100 completed = 28; CPU 12 s / 100 = 120 ms; 120/s sustained; the burst left one unfinished;
        // p99 4 s with 429s at 500 rps; 14% of Kestrel; order-service 125 MB; 700 ms ready.
        targets.Select(t => t.Met).Should().Equal(true, false, true, false, true, false, false, true);
        targets[0].Actual.Should().Contain("28").And.Contain("sustained-100");
        targets[6].Actual.Should().Contain("order-service");
        TargetCheck.Evaluate(phases.Where(p => p.Name != "rate-500").ToList(), 20, memory, ready)[4].Met
            .Should().BeFalse("no phase at 500 rps is no figure, not a met target");
    }

    [Fact]
    public void Calls_per_completed_order_add_up_by_building_block()
    {
        var calls = new CallCounts(new Dictionary<string, Dictionary<string, long>>
        {
            ["order-service"] = new() { ["state.get"] = 40, ["state.save"] = 60, ["publish"] = 20, ["invoke"] = 30, ["workflow.schedule"] = 10, ["workflow.activity-complete"] = 90 },
            ["notification-service"] = new() { ["deliver"] = 20, ["state.transaction"] = 20, ["healthz"] = 0 },
        });

        var blocks = BuildingBlocks.Count(calls);

        blocks.Should().Equal(new Dictionary<string, long> { ["invoke"] = 30, ["publish"] = 40, ["state"] = 120, ["workflow"] = 100 });
        var phase = Phase("rate-10", 10, p99: 1, completedPerSecond: 10) with { SidecarCallsByBlock = blocks };
        phase.SidecarCallsPerCompletedOrder.Should().Be(2.9, "290 calls for 100 completed orders");
        phase.SidecarCallsPerCompletedOrderByBlock["publish"].Should().Be(0.4);
    }

    [Fact]
    public void Sidecar_memory_is_judged_at_idle_and_in_every_phase_the_platform_kept_up_with()
    {
        PostPhase[] phases =
        [
            Phase("rate-10", 10, p99: 5, completedPerSecond: 10, sidecarPeakMb: 130),
            Phase("rate-50", 50, p99: 9, completedPerSecond: 48, sidecarPeakMb: 138),
            Phase("sustained-25", 25, p99: 9, completedPerSecond: 25, sidecarPeakMb: 145),
            Phase("rate-200", 200, p99: 9, completedPerSecond: 17, sidecarPeakMb: 220, unfinished: 300),
            Phase("saturation", null, p99: 80, completedPerSecond: 0, sidecarPeakMb: 400, unfinished: 9000),
        ];

        var check = SidecarMemoryCheck.From(Memory(120), phases);

        check.KeptUp.Select(p => p.Name).Should().Equal("rate-10", "rate-50", "sustained-25");
        check.KeptUpPeak!.Name.Should().Be("sustained-25", "the sustained phase peaked highest, not the highest rate");
        check.OverallPeakMb.Should().Be(400);
        check.Met.Should().BeTrue();
        check.Render().Should().Contain("idle **120 MB**").And.Contain("145 MB in sustained-25").And.Contain("rate-10, rate-50, sustained-25")
            .And.Contain("peak overall 400 MB");

        phases[2] = Phase("sustained-25", 25, p99: 9, completedPerSecond: 25, sidecarPeakMb: 151);
        SidecarMemoryCheck.From(Memory(120), phases).Met.Should().BeFalse("any phase kept up with counts");
    }

    [Fact]
    public void The_sustained_phase_runs_between_the_bursts_that_drain_and_the_rates_that_leave_a_backlog()
    {
        var settings = new BenchmarkSettings();
        settings.RatePhases().Select(p => (p.Name, p.Rate, p.Seconds)).Should().Equal(
            ("rate-10", 10, 10), ("rate-50", 50, 10), ("sustained-100", 100, 60), ("rate-200", 200, 10), ("rate-500", 500, 10));

        BenchmarkSettings.FromArgs(["--quick"]).RatePhases().Single(p => p.Name == "sustained-100").Seconds.Should().Be(30);
    }

    [Fact]
    public void Sidecar_memory_misses_the_target_when_no_rate_was_kept_up_with_or_the_idle_set_is_too_big()
    {
        var backlog = new[] { Phase("rate-10", 10, p99: 5, completedPerSecond: 3, sidecarPeakMb: 140, unfinished: 20) };
        var kept = new[] { Phase("rate-10", 10, p99: 5, completedPerSecond: 10, sidecarPeakMb: 140) };

        SidecarMemoryCheck.From(Memory(120), backlog).Should().Match<SidecarMemoryCheck>(c => c.KeptUpPeak == null && !c.Met);
        SidecarMemoryCheck.From(Memory(151), kept).Met.Should().BeFalse();
        SidecarMemoryCheck.From(Memory(120), kept).Render().Should().Contain("while keeping up: yes");
    }

    private static SidecarMemory Memory(double workingSetMb) => new(workingSetMb, 20, 40, 1000, 2.5);

    private static PostPhase Phase(
        string name, int? rate, double p99, double completedPerSecond, double sidecarPeakMb = 100, int unfinished = 0,
        double completionP99Ms = 2, long calls = 0, double cpuSeconds = 0, long refused = 0) => new(
        name, rate, 32,
        new LoadResult(100 + refused, 10, 10, 100, refused, 0, 0, new Dictionary<string, long> { ["202"] = 100, ["429"] = refused }, new LatencyMs(1, 2, p99, p99)),
        new EndToEndResult(100, 100 - unfinished, 0, unfinished, completedPerSecond, 1, completionP99Ms, 0, unfinished == 0),
        3, new Dictionary<string, IReadOnlyDictionary<string, double>>(), new Dictionary<string, double> { [SidecarMemoryCheck.Process] = sidecarPeakMb },
        new Dictionary<string, double>(), Memory(sidecarPeakMb - 10),
        new Dictionary<string, double> { ["order-service"] = cpuSeconds }, new Dictionary<string, long> { ["state"] = calls });
}
