using OrderPlatform.DaprFiles;

namespace OrderPlatform.DevSidecar.Tests.Resiliency;

/// <summary>The one Go-duration parser (tools/OrderPlatform.DaprFiles): the dev sidecar's resiliency and Configuration, the kit's invocation resilience, Infra.Tests.</summary>
public class DaprDurationTests
{
    [Theory]
    [InlineData("5s", 5000)]
    [InlineData("500ms", 500)]
    [InlineData("1m30s", 90000)]
    [InlineData("1.5h", 5400000)]
    [InlineData("2m", 120000)]
    [InlineData("1h", 3600000)]
    [InlineData("0", 0)]
    public void Parses_go_durations(string text, double milliseconds) =>
        DaprDuration.Parse(text).TotalMilliseconds.Should().Be(milliseconds);

    [Theory]
    [InlineData("5")]
    [InlineData("5 seconds")]
    [InlineData("s5")]
    [InlineData("")]
    public void Rejects_what_is_not_a_duration(string text) =>
        FluentActions.Invoking(() => DaprDuration.Parse(text)).Should().Throw<FormatException>();
}
