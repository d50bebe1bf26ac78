using System.Net;
using System.Net.Sockets;

namespace OrderPlatform.DevSidecar.Tests.Infrastructure;

/// <summary>Free loopback TCP ports, asked from the OS (all listeners held open together so they differ).</summary>
public static class FreePorts
{
    public static int[] Take(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    public static int Take() => Take(1)[0];
}
