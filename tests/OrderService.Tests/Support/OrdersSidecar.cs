using Dapr.Client;
using OrderPlatform.Contracts;
using OrderPlatform.ServiceDefaults.State;
using OrderPlatform.Testing;

namespace OrderPlatform.OrderService.Tests.Support;

/// <summary>
/// For tests of one class over <c>orders-store</c> without the web host: the dev sidecar in the test process serving
/// order-service's app-id, a client through <see cref="Wire"/> and <see cref="Hooks"/> for the code under test, and
/// <see cref="State"/> beside it.
/// </summary>
internal sealed class OrdersSidecar : IAsyncDisposable
{
    private readonly InProcessSidecar sidecar;
    private readonly DaprClient other;

    private OrdersSidecar(InProcessSidecar sidecar)
    {
        this.sidecar = sidecar;
        Wire = new DaprWire(Hooks);
        Client = sidecar.CreateClient(Wire);
        other = sidecar.CreateClient();
        State = new OrdersState(other);
    }

    public DaprCallHooks Hooks { get; } = new();

    public DaprWire Wire { get; }

    /// <summary>The client the code under test uses (through <see cref="Wire"/> and <see cref="Hooks"/>).</summary>
    public DaprClient Client { get; }

    /// <summary>The same app-id's view of the store, beside the code under test (racing writers, checks).</summary>
    public OrdersState State { get; }

    public static async Task<OrdersSidecar> StartAsync() => new(await InProcessSidecar.StartAsync(AppIds.OrderService));

    /// <summary>The kit's store for the code under test; <paramref name="attempts"/> as order-service's appsettings.json sets it.</summary>
    public StateStore Store(int attempts = 5) => new(Client, Components.OrdersStore,
        new StateStoreOptions { ConflictAttempts = attempts, ConflictDelay = TimeSpan.Zero, ConflictMaxDelay = TimeSpan.Zero }, TimeProvider.System);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        other.Dispose();
        await sidecar.DisposeAsync();
        Wire.Dispose();
    }
}
