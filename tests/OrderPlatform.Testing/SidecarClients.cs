using Dapr.Client;
using OrderPlatform.ServiceDefaults.State;

namespace OrderPlatform.Testing;

/// <summary>
/// For tests of one class without a web host: the dev sidecar in the test process serving <c>appId</c>, a
/// <see cref="Client"/> for the code under test whose gRPC calls pass <see cref="Hooks"/>, and <see cref="Other"/>
/// beside it (racing writers, checks).
/// </summary>
public sealed class SidecarClients : IAsyncDisposable
{
    private SidecarClients(InProcessSidecar sidecar)
    {
        Sidecar = sidecar;
        Client = sidecar.CreateClient(Hooks);
        Other = sidecar.CreateClient();
    }

    public InProcessSidecar Sidecar { get; }

    public DaprCallHooks Hooks { get; } = new();

    public DaprClient Client { get; }

    public DaprClient Other { get; }

    public static async Task<SidecarClients> StartAsync(string appId) => new(await InProcessSidecar.StartAsync(appId));

    /// <summary>The kit's store over <see cref="Client"/>, retrying conflicts without waiting unless told otherwise.</summary>
    public StateStore Store(string storeName, int attempts, TimeSpan delay = default, TimeSpan maxDelay = default, TimeProvider? time = null) =>
        new(Client, storeName, new StateStoreOptions { ConflictAttempts = attempts, ConflictDelay = delay, ConflictMaxDelay = maxDelay }, time ?? TimeProvider.System);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Other.Dispose();
        await Sidecar.DisposeAsync();
        Hooks.Dispose();
    }
}
