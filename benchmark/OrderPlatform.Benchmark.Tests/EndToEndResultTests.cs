using System.Text.Json;
using OrderPlatform.Benchmark.Measure;
using OrderPlatform.Contracts.Orders;

namespace OrderPlatform.Benchmark.Tests;

public class EndToEndResultTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Counts_outcomes_and_measures_rate_from_first_creation_to_last_completion()
    {
        OrderTiming[] orders =
        [
            new("a", OrderStatus.Completed, T0, T0.AddMilliseconds(100)),
            new("b", OrderStatus.Completed, T0.AddSeconds(1), T0.AddSeconds(2)),
            new("c", OrderStatus.Failed, T0.AddSeconds(1), T0.AddSeconds(1.5)),
            new("d", OrderStatus.Reserved, T0.AddSeconds(1), null),
        ];

        var result = EndToEndResult.From(orders, drainSeconds: 3.04, drained: false);

        result.Should().BeEquivalentTo(new EndToEndResult(4, 2, 1, 1, 1.0, 100, 1000, 3.0, false));
    }

    [Fact]
    public void Reports_zero_rate_and_no_latency_when_nothing_completed()
    {
        var result = EndToEndResult.From([new OrderTiming("a", OrderStatus.Pending, T0, null)], 1, false);

        result.CompletedPerSecond.Should().Be(0);
        result.CompletionP50Ms.Should().BeNull();
    }

    [Fact]
    public void Reads_the_time_of_the_terminal_history_entry()
    {
        using var doc = JsonDocument.Parse("""
            { "orderId": "ord-1", "status": "completed", "createdAt": "2026-01-01T00:00:00Z",
              "history": [ { "status": "pending", "at": "2026-01-01T00:00:00Z" },
                           { "status": "completed", "at": "2026-01-01T00:00:02.5Z" } ] }
            """);

        var order = OrderTiming.Parse(doc.RootElement);

        order.Should().Be(new OrderTiming("ord-1", OrderStatus.Completed, T0, T0.AddSeconds(2.5)));
    }

    [Fact]
    public void An_order_still_in_progress_has_no_finish_time()
    {
        using var doc = JsonDocument.Parse("""
            { "orderId": "ord-2", "status": "paid", "createdAt": "2026-01-01T00:00:00Z",
              "history": [ { "status": "paid", "at": "2026-01-01T00:00:01Z" } ] }
            """);

        OrderTiming.Parse(doc.RootElement).FinishedAt.Should().BeNull();
    }
}
