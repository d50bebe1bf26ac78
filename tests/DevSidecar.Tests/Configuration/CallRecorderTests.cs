using OrderPlatform.DevSidecar.Telemetry;

namespace OrderPlatform.DevSidecar.Tests.Configuration;

public sealed class CallRecorderTests
{
    [Fact]
    public void Calls_are_counted_per_app_and_api_and_logged_as_one_line_at_the_configured_level()
    {
        var logger = new Mock<ILogger<CallRecorder>>();
        logger.Setup(l => l.IsEnabled(LogLevel.Debug)).Returns(true);
        var recorder = new CallRecorder(logger.Object, new CallLogOptions(LogLevel.Debug));

        recorder.Record("order-service", "state.save", "orders-store", "ok", 0.4);
        recorder.Record("order-service", "state.save", "orders-store", "ok", 0.2);
        recorder.Record("payment-service", "publish", "ok", 1);

        recorder.Snapshot()["order-service"]["state.save"].Should().Be(2);
        recorder.Snapshot()["payment-service"]["publish"].Should().Be(1);
        logger.Verify(l => l.Log(LogLevel.Debug, It.IsAny<EventId>(),
            It.Is<It.IsAnyType>((v, _) => v.ToString() == "[order-service] state.save orders-store ok 0.4ms"),
            null, It.IsAny<Func<It.IsAnyType, Exception?, string>>()), Times.Once);
    }

    [Fact]
    public void Nothing_is_logged_when_the_level_is_disabled_but_calls_are_still_counted()
    {
        var logger = new Mock<ILogger<CallRecorder>>();
        var recorder = new CallRecorder(logger.Object, new CallLogOptions(LogLevel.None));

        recorder.Record("a", "state.get", "ok", 0.1);

        recorder.Snapshot()["a"]["state.get"].Should().Be(1);
        logger.Verify(l => l.Log(It.IsAny<LogLevel>(), It.IsAny<EventId>(), It.IsAny<It.IsAnyType>(), It.IsAny<Exception?>(),
            It.IsAny<Func<It.IsAnyType, Exception?, string>>()), Times.Never);
    }
}
