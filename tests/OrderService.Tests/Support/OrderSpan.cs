using System.Diagnostics;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.OrderService.Tests.Support;

/// <summary>A span made current for the code under test (as the worker's span is for an activity), to read its order tag.</summary>
internal sealed class OrderSpan : IDisposable
{
    private readonly Activity span = new Activity("step").Start();

    /// <summary>The span's <see cref="OrderTrace.OrderIdTag"/>.</summary>
    public object? OrderId => span.GetTagItem(OrderTrace.OrderIdTag);

    public void Dispose() => span.Dispose();
}
