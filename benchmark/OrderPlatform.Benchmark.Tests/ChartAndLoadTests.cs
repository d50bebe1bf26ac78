using System.Xml.Linq;
using OrderPlatform.Benchmark.Load;
using OrderPlatform.Benchmark.Measure;
using OrderPlatform.Benchmark.Report;

namespace OrderPlatform.Benchmark.Tests;

public class ChartAndLoadTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void The_chart_has_offered_accepted_and_completed_bars_and_a_p99_point_per_phase()
    {
        PostPhase[] phases = [Phase("rate-50", 50, accepted: 50, completed: 48, p99Ms: 800), Phase("rate-500", 500, accepted: 120, completed: 110, p99Ms: 4_200, refused: 3_800)];

        var svg = XDocument.Parse(PhaseChart.Render(phases, "title & more"));

        var bars = svg.Descendants(Svg + "rect").Select(r => (string?)r.Element(Svg + "title")).OfType<string>().ToList();
        bars.Should().Equal(
            "rate-50 offered /s: 50", "rate-50 accepted /s: 50", "rate-50 completed /s: 48",
            "rate-500 offered /s: 500", "rate-500 accepted /s: 120", "rate-500 completed /s: 110");
        svg.Descendants(Svg + "circle").Should().HaveCount(2);
        svg.Descendants(Svg + "text").Select(t => t.Value).Should().Contain(["0.8 s", "4.2 s", "3800 × 429", "title & more"]);
        var heights = svg.Descendants(Svg + "rect").Where(r => r.Element(Svg + "title") is not null)
            .Select(r => double.Parse((string)r.Attribute("height")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        heights[3].Should().BeGreaterThan(heights[4], "offered 500 is drawn taller than accepted 120");
    }

    [Theory]
    [InlineData(0.4, 0.5)]
    [InlineData(137, 200)]
    [InlineData(500, 500)]
    [InlineData(501, 1000)]
    public void Axes_end_on_a_round_number(double value, double axis) => PhaseChart.NiceCeiling(value).Should().Be(axis);

    [Fact]
    public void The_load_average_is_read_from_proc_and_says_when_the_machine_was_loaded()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "3.52 2.10 1.00 3/456 789\n");

        LoadAverage.OneMinute(file).Should().Be(3.52);
        LoadAverage.OneMinute(file + ".missing").Should().BeNull();
        new LoadAverage(1.2, 3.52).Loaded(2).Should().BeTrue();
        new LoadAverage(1.2, 1.9).Describe(2).Should().Be("1-minute load average 1.20 at start, 1.90 at end on 2 cores");
        new LoadAverage(2.5, 1.9).Describe(2).Should().Contain("a loaded machine");
        File.Delete(file);
    }

    private static PostPhase Phase(string name, int rate, double accepted, double completed, double p99Ms, long refused = 0) => new(
        name, rate, 64,
        new LoadResult((long)(accepted * 10) + refused, 10, accepted, (long)(accepted * 10), refused, 0, 0,
            new Dictionary<string, long> { ["202"] = (long)(accepted * 10), ["429"] = refused }, new LatencyMs(1, 2, 3, 4)),
        new EndToEndResult((int)(accepted * 10), (int)(accepted * 10), 0, 0, completed, 100, p99Ms, 1, true),
        70, new Dictionary<string, IReadOnlyDictionary<string, double>>(), new Dictionary<string, double>(), new Dictionary<string, double>(),
        new SidecarMemory(100, 50, 40, 10, 1));
}
