using OrderPlatform.Benchmark.Measure;

namespace OrderPlatform.Benchmark.Tests;

public class MeasureTests
{
    [Theory]
    [InlineData(50, 5)]
    [InlineData(90, 9)]
    [InlineData(99, 10)]
    [InlineData(100, 10)]
    public void Percentiles_use_the_nearest_rank(double percentile, double expected) =>
        Percentiles.Of([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], percentile).Should().Be(expected);

    [Fact]
    public void Percentiles_of_nothing_are_null() => Percentiles.Of([], 50).Should().BeNull();

    [Fact]
    public void Call_counts_subtract_per_app_and_api_and_divide_by_orders()
    {
        var before = new CallCounts(new Dictionary<string, Dictionary<string, long>>
        {
            ["order-service"] = new() { ["state.save"] = 10 },
        });
        var after = new CallCounts(new Dictionary<string, Dictionary<string, long>>
        {
            ["order-service"] = new() { ["state.save"] = 30, ["publish"] = 20 },
            ["payment-service"] = new() { ["state.get"] = 0 },
        });

        var delta = after.Minus(before);
        var perOrder = delta.PerOrder(20);

        delta.Total.Should().Be(40);
        perOrder.Should().ContainKey("order-service").And.NotContainKey("payment-service");
        perOrder["order-service"].Should().Equal(new Dictionary<string, double> { ["state.save"] = 1, ["publish"] = 1, ["total"] = 2 });
    }
}
