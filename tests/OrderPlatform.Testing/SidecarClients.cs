using Dapr.Client;
using OrderPlatform.ServiceDefaults.State;

namespace OrderPlatform.Testing;

/// <summary>
/// For tests of one class without a web host: the dev sidecar in the test process serving <c>appId</c>, a
/// <see cref="Client"/> for the code under test whose gRPC calls pass <see cref="Hooks"/> (and an optional handler in
/// front of them), and <see cref="Other"/> beside it (racing writers, checks).
/// </summary>
public sealed class SidecarClients : IAsyncDisposable
{
    private readonly HttpMessageHandler? front;

    private SidecarClients(InProcessSidecar sidecar, Func<DaprCallHooks, HttpMessageHandler>? wrap)
    {
        Sidecar = sidecar;
        front = wrap?.Invoke(Hooks);
        Client = sidecar.CreateClient(front ?? Hooks);
        Other = sidecar.CreateClient();
    }

    public InProcessSidecar Sidecar { get; }

    public DaprCallHooks Hooks { get; } = new();

    public DaprClient Client { get; }

    public DaprClient Other { get; }

    /// <param name="wrap">A handler to put in front of <see cref="Hooks"/> (one that reads the requests, say).</param>
    public static async Task<SidecarClients> StartAsync(string appId, Func<DaprCallHooks, HttpMessageHandler>? wrap = null) =>
        new(await InProcessSidecar.StartAsync(appId), wrap);

    /// <summary>The kit's store over <see cref="Client"/>, retrying conflicts without waiting unless told otherwise.</summary>
    public StateStore Store(string storeName, int attempts, TimeSpan delay = default, TimeSpan maxDelay = default, TimeProvider? time = null) =>
        new(Client, storeName, new StateStoreOptions { ConflictAttempts = attempts, ConflictDelay = delay, ConflictMaxDelay = maxDelay }, time ?? TimeProvider.System);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Other.Dispose();
        await Sidecar.DisposeAsync();
        front?.Dispose();
        Hooks.Dispose();
    }
}
