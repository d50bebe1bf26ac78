using OrderPlatform.Contracts;
using OrderPlatform.PlatformLauncher;

namespace OrderPlatform.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One running platform for a test collection: started here (dev sidecar + five services as processes on free ports)
/// unless <c>ORDERPLATFORM_ORDER_URL</c> names one that is already running.
/// </summary>
public class PlatformFixture : IAsyncLifetime
{
    /// <summary>Short approval timeout so the timeout scenario finishes quickly; approvals are sent well within it.</summary>
    public static readonly TimeSpan ApprovalTimeout = TimeSpan.FromSeconds(6);

    public const decimal ApprovalThreshold = 1000m;

    private Platform? _platform;

    public PlatformClients Clients { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        if (PlatformTarget.IsExternal)
        {
            Clients = PlatformClients.FromEnvironment();
            return;
        }

        _platform = await Platform.StartAsync(ConfigureLocal(new PlatformOptions()));
        Clients = new PlatformClients(
            _platform.Ports[AppIds.OrderService].AppUrl, _platform.Ports[AppIds.ShippingService].DaprHttpUrl, DevTokenIssuer.Load(RepoPaths.FindRoot()));
    }

    /// <summary>SIGKILLs one service (<c>Process.Kill</c> on Linux) until <see cref="RestartAsync"/>; local platforms only.</summary>
    public Task KillAsync(string appId) => Local.StopAppAsync(appId);

    /// <summary>Starts a killed service again and waits until it is ready.</summary>
    public Task RestartAsync(string appId) => Local.RestartAppAsync(appId);

    /// <summary>The dev sidecar's HTTP API as <paramref name="appId"/> sees it (state of that app's scope).</summary>
    public Uri SidecarHttpUrl(string appId) => Local.Ports[appId].DaprHttpUrl;

    /// <summary>An app's own port (what no caller but its sidecar should reach).</summary>
    public Uri AppUrl(string appId) => Local.Ports[appId].AppUrl;

    private Platform Local => _platform ?? throw new InvalidOperationException("Only a platform the fixture started can be killed or reached through its sidecar.");

    /// <summary>What a failing test should print: the last output of every local process.</summary>
    /// <summary>The app API token the started platform's sidecar sends its apps (dapr-api-token).</summary>
    public string AppApiToken => Local.AppApiToken;

    public string Diagnostics() => _platform?.Diagnostics() ?? "(external platform: see its own logs)";

    public virtual async Task DisposeAsync()
    {
        Clients?.Dispose();
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
    }

    protected virtual PlatformOptions ConfigureLocal(PlatformOptions options) => options
        .WithAppEnvironment(AppIds.OrderService, "Orders__ApprovalThreshold", ApprovalThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .WithAppEnvironment(AppIds.OrderService, "Orders__ApprovalTimeout", ApprovalTimeout.ToString())
        .WithAppEnvironment(AppIds.PaymentService, "Payments__FaultInjection__Enabled", "true")
        // Every test posts from the same address: the per-caller write limit is lifted except where a test measures it.
        .WithAppEnvironment(AppIds.OrderService, "RequestLimits__WritesPerWindow", "1000000");
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
