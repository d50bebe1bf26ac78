using OrderPlatform.DevSidecar.Resiliency;

namespace OrderPlatform.DevSidecar.Tests.Resiliency;

public class TripExpressionTests
{
    private static BreakerCounts Failures(long consecutive) => new(consecutive, 0, consecutive, 0, consecutive);

    [Theory]
    [InlineData("consecutiveFailures >= 5", 4, false)]
    [InlineData("consecutiveFailures >= 5", 5, true)]
    [InlineData("consecutiveFailures > 5", 5, false)]
    [InlineData("consecutiveFailures > 5", 6, true)]
    [InlineData("consecutiveFailures > 2 && requests >= 10", 5, false)]
    [InlineData("consecutiveFailures > 9 || totalFailures == 3", 3, true)]
    public void Evaluates_counter_comparisons(string expression, long failures, bool trips) =>
        TripExpression.Parse(expression).ShouldTrip(Failures(failures)).Should().Be(trips);

    [Theory]
    [InlineData("consecutiveFailures")]
    [InlineData("errors > 3")]
    [InlineData("consecutiveFailures >= five")]
    public void Rejects_unsupported_expressions(string expression) =>
        FluentActions.Invoking(() => TripExpression.Parse(expression)).Should().Throw<FormatException>();
}
