using OrderPlatform.Contracts;

namespace OrderPlatform.EndToEnd.Tests.Infrastructure;

/// <summary>HTTP clients for the order API (always) and the internal services' own APIs (when reachable).</summary>
public sealed class PlatformClients : IDisposable
{
    private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

    public PlatformClients(IReadOnlyDictionary<string, Uri> baseUrls)
    {
        foreach (var (appId, url) in baseUrls)
        {
            _clients[appId] = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
        }

        Orders = new OrderApi(_clients[AppIds.OrderService]);
    }

    public OrderApi Orders { get; }

    public InternalApis Internal => new(
        Client(AppIds.InventoryService), Client(AppIds.PaymentService), Client(AppIds.NotificationService));

    public HttpClient Client(string appId) => _clients.TryGetValue(appId, out var client)
        ? client
        : throw new InvalidOperationException($"No URL for {appId}: set {PlatformTarget.InternalUrlVariables[appId]}.");

    public static PlatformClients FromEnvironment()
    {
        var urls = new Dictionary<string, Uri>(StringComparer.Ordinal)
        {
            [AppIds.OrderService] = new(Environment.GetEnvironmentVariable(PlatformTarget.OrderUrlVariable)!),
        };
        foreach (var (appId, variable) in PlatformTarget.InternalUrlVariables)
        {
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } url)
            {
                urls[appId] = new Uri(url);
            }
        }

        return new PlatformClients(urls);
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }
}
