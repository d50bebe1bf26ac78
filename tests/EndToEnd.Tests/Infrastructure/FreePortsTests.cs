using System.Net;
using System.Net.Sockets;
using OrderPlatform.PlatformLauncher;

namespace OrderPlatform.EndToEnd.Tests.Infrastructure;

/// <summary>The launcher's ports: distinct across calls, below the ephemeral range, and bindable.</summary>
public sealed class FreePortsTests
{
    [Fact]
    public void Ports_are_distinct_across_calls_below_the_ephemeral_range_and_bindable()
    {
        var first = FreePorts.Take(15);
        var second = FreePorts.Take(15);

        first.Concat(second).Should().OnlyHaveUniqueItems().And.OnlyContain(p => p >= 20000 && p < 32768);
        foreach (var port in first)
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
        }
    }
}
