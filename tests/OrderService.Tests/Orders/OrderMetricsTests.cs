using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Orders;

namespace OrderPlatform.OrderService.Tests.Orders;

/// <summary>The business metrics as a dashboard reads them: each instrument's unit and description, and what each call records.</summary>
public sealed class OrderMetricsTests : IDisposable
{
    private readonly ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    private IMeterFactory Meters => services.GetRequiredService<IMeterFactory>();

    public void Dispose() => services.Dispose();

    [Theory]
    [InlineData(OrderMetrics.Created, "{order}", "Orders accepted whose workflow was started.")]
    [InlineData(OrderMetrics.Ended, "{order}", "Orders that reached an end (status: completed, failed, cancelled; reason: for failed ones).")]
    [InlineData(OrderMetrics.OnHold, "{order}", "Times an order was put on hold for an operator (a step's faults outlasted the retry window).")]
    [InlineData(OrderMetrics.StepDuration, "s", "Duration of each downstream step the workflow calls (step: the invoked method; outcome: ok or fault).")]
    public void Each_instrument_has_its_unit_and_description(string name, string unit, string description)
    {
        Instrument? published = null;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Name == name && instrument.Meter.Name == ServiceDefaults.TelemetryExtensions.ActivitySourceName)
                {
                    published = instrument;
                }
            },
        };
        listener.Start();

        _ = new OrderMetrics(Meters);

        published.Should().NotBeNull();
        published!.Unit.Should().Be(unit);
        published.Description.Should().Be(description);
    }

    [Fact]
    public void Each_status_is_counted_where_it_belongs()
    {
        var metrics = new OrderMetrics(Meters);
        using var created = new MetricCollector<long>(Meters, ServiceDefaults.TelemetryExtensions.ActivitySourceName, OrderMetrics.Created);
        using var ended = new MetricCollector<long>(Meters, ServiceDefaults.TelemetryExtensions.ActivitySourceName, OrderMetrics.Ended);
        using var onHold = new MetricCollector<long>(Meters, ServiceDefaults.TelemetryExtensions.ActivitySourceName, OrderMetrics.OnHold);

        metrics.OrderStarted();
        metrics.StatusRecorded(OrderStatus.Completed, null);
        metrics.StatusRecorded(OrderStatus.Cancelled, null);
        metrics.StatusRecorded(OrderStatus.Failed, null);
        metrics.StatusRecorded(OrderStatus.OnHold, null);
        metrics.StatusRecorded(OrderStatus.Paid, null);

        created.GetMeasurementSnapshot().Should().ContainSingle().Which.Value.Should().Be(1);
        onHold.GetMeasurementSnapshot().Should().ContainSingle().Which.Value.Should().Be(1);
        ended.GetMeasurementSnapshot().Select(m => string.Join(",", m.Tags.OrderBy(t => t.Key).Select(t => $"{t.Key}={t.Value}")))
            .Should().Equal("status=completed", "status=cancelled", "reason=unknown,status=failed");
    }

    [Theory]
    [InlineData(null, "unknown")]
    [InlineData("", "unknown")]
    [InlineData("insufficient stock for sku-1", "out-of-stock")]
    [InlineData("payment declined: card", "payment-declined")]
    [InlineData("something else", "other")]
    public void A_failure_reason_is_grouped(string? reason, string category) =>
        OrderMetrics.ReasonCategory(reason).Should().Be(category);
}
