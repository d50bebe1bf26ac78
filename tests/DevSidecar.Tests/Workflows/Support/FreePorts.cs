using System.Net;
using System.Net.Sockets;

namespace OrderPlatform.DevSidecar.Tests.Workflows.Support;

/// <summary>Loopback ports the OS reports free right now (tests never use fixed ports).</summary>
internal static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
