using System.Text.Json;
using OrderPlatform.Contracts.Orders;

namespace OrderPlatform.Benchmark.Measure;

/// <summary>One order as <c>GET /api/orders/{id}</c> shows it: its status, when it was created and when it finished.</summary>
public sealed record OrderTiming(string OrderId, OrderStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt)
{
    public bool IsCompleted => Status == OrderStatus.Completed;

    public bool IsFailed => Status is OrderStatus.Failed or OrderStatus.Cancelled;

    /// <summary>Reads the order view: <c>status</c>, <c>createdAt</c> and the time of the terminal <c>history</c> entry.</summary>
    public static OrderTiming Parse(JsonElement view)
    {
        var status = Enum.Parse<OrderStatus>(view.GetProperty("status").GetString()!, ignoreCase: true);
        var finished = view.GetProperty("history").EnumerateArray()
            .Where(change => Enum.Parse<OrderStatus>(change.GetProperty("status").GetString()!, ignoreCase: true) == status)
            .Select(change => (DateTimeOffset?)change.GetProperty("at").GetDateTimeOffset())
            .LastOrDefault();
        var terminal = status is OrderStatus.Completed or OrderStatus.Failed or OrderStatus.Cancelled;
        return new OrderTiming(
            view.GetProperty("orderId").GetString()!,
            status,
            view.GetProperty("createdAt").GetDateTimeOffset(),
            terminal ? finished : null);
    }
}
