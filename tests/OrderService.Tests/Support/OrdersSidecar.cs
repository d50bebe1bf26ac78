using Dapr.Client;
using OrderPlatform.Contracts;
using OrderPlatform.ServiceDefaults.State;
using OrderPlatform.Testing;

namespace OrderPlatform.OrderService.Tests.Support;

/// <summary>
/// For tests of one class over <c>orders-store</c> without the web host: the dev sidecar in the test process serving
/// order-service's app-id, a client through <see cref="Hooks"/> (which also records what it asked for) for the code under test, and
/// <see cref="State"/> beside it.
/// </summary>
internal sealed class OrdersSidecar : IAsyncDisposable
{
    private readonly SidecarClients clients;

    private OrdersSidecar(SidecarClients clients)
    {
        this.clients = clients;
        State = new OrdersState(clients.Other);
    }

    public DaprCallHooks Hooks => clients.Hooks;

    /// <summary>The client the code under test uses (through <see cref="Hooks"/>).</summary>
    public DaprClient Client => clients.Client;

    /// <summary>The same app-id's view of the store, beside the code under test (racing writers, checks).</summary>
    public OrdersState State { get; }

    public static async Task<OrdersSidecar> StartAsync() => new(await SidecarClients.StartAsync(AppIds.OrderService));

    /// <summary>The kit's store for the code under test; <paramref name="attempts"/> as order-service's appsettings.json sets it.</summary>
    public StateStore Store(int attempts = 5) => clients.Store(Components.OrdersStore, attempts);

    public ValueTask DisposeAsync() => clients.DisposeAsync();
}
