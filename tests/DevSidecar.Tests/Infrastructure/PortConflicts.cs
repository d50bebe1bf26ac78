using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;

namespace OrderPlatform.DevSidecar.Tests.Infrastructure;

/// <summary>
/// Ports from <see cref="FreePorts"/> were free when asked for and are drawn below the range the OS gives outgoing
/// connections, but another process can still take one before Kestrel binds it. Starting again on fresh ports is then
/// the fix (what the platform launcher does as well).
/// </summary>
public static class PortConflicts
{
    private const int Attempts = 3;

    public static async Task<T> RetryAsync<T>(Func<Task<T>> start)
    {
        ArgumentNullException.ThrowIfNull(start);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await start();
            }
            catch (Exception e) when (attempt < Attempts && IsAddressInUse(e))
            {
                // the failed start disposed what it had started; try again on other ports
            }
        }
    }

    /// <summary>Kestrel reports it as an IOException wrapping AddressInUseException wrapping the SocketException.</summary>
    public static bool IsAddressInUse(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is AddressInUseException or SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
            {
                return true;
            }
        }

        return false;
    }
}
