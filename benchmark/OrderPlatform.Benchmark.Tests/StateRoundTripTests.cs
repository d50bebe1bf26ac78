using OrderPlatform.Benchmark.Measure;

namespace OrderPlatform.Benchmark.Tests;

public class StateRoundTripTests
{
    private static readonly double[] PairMs = [0.95, 0.1234, 0.8, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 2.5];

    [Fact]
    public void Percentiles_keep_three_decimals_for_sub_millisecond_pairs() =>
        Percentiles.Of(PairMs, 10, digits: 3).Should().Be(0.123);

    [Fact]
    public void Reports_median_p90_and_p99_of_the_timed_pairs_only()
    {
        var result = StateRoundTrip.From("inventory-store", 200, PairMs);

        result.Should().Be(new StateRoundTrip("inventory-store", 200, 10, 0.5, 0.95, 2.5));
        result.MedianUnderTarget.Should().BeTrue();
    }

    [Fact]
    public void The_markdown_line_names_the_store_the_percentiles_and_the_target()
    {
        var line = StateRoundTrip.From("inventory-store", 200, PairMs).Describe();

        line.Should().Be("Dev sidecar state save + get round trip (`inventory-store`, Dapr.Client over gRPC, 10 sequential pairs after 200 warm-up): "
            + "median **0.500 ms**, p90 0.950 ms, p99 2.500 ms (target: median < 1 ms: yes).");
    }

    [Fact]
    public void A_median_of_one_millisecond_or_more_misses_the_target()
    {
        var result = StateRoundTrip.From("inventory-store", 0, [1.0, 1.2, 3]);

        result.MedianUnderTarget.Should().BeFalse();
        result.Describe().Should().EndWith("(target: median < 1 ms: **no**).");
    }
}
