using System.Net;
using System.Net.Sockets;

namespace OrderPlatform.PlatformLauncher;

/// <summary>
/// Loopback ports that were free a moment ago, all distinct within this process. They are drawn below Linux's
/// ephemeral range (32768+), where the OS also hands out ports to outgoing connections, so a port chosen here is much
/// less likely to be taken before the platform binds it.
/// </summary>
public static class FreePorts
{
    private const int First = 20000;
    private const int End = 32000;
    private static readonly HashSet<int> HandedOut = [];

    public static int[] Take(int count)
    {
        var ports = new List<int>(count);
        lock (HandedOut)
        {
            while (ports.Count < count)
            {
                var port = Random.Shared.Next(First, End);
                if (!HandedOut.Contains(port) && IsFree(port))
                {
                    HandedOut.Add(port);
                    ports.Add(port);
                }
            }
        }

        return [.. ports];
    }

    public static int Take() => Take(1)[0];

    private static bool IsFree(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
