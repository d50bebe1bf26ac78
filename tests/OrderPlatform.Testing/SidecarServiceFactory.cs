using Dapr.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrderPlatform.Contracts;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Testing;

/// <summary>
/// A service hosted by <see cref="WebApplicationFactory{TEntryPoint}"/> whose Dapr sidecar is an
/// <see cref="InProcessSidecar"/> for <paramref name="appId"/>. Every gRPC call the service makes passes
/// <see cref="Hooks"/>; <see cref="Dapr"/> is a second client of the same app-id for arranging and checking state.
/// The service has an app API token (<see cref="AppApiToken"/>), and the clients of <c>CreateClient()</c> call it as
/// its sidecar delivers an invocation from order-service (<c>dapr-api-token</c> + <c>dapr-caller-app-id</c>), the
/// only caller of the internal services' write methods; <see cref="CreateClientAs"/> calls as someone else.
/// </summary>
public class SidecarServiceFactory<TProgram>(string appId) : WebApplicationFactory<TProgram>
    where TProgram : class
{
    private InProcessSidecar? sidecar;
    private DaprClient? dapr;
    private SidecarHealthGate? healthGate;

    public DaprCallHooks Hooks { get; } = new();

    /// <summary>The service's <c>APP_API_TOKEN</c>, as daprd (or ACA) gives it to the app and its sidecar.</summary>
    public string AppApiToken { get; } = Guid.NewGuid().ToString("N");

    /// <summary>
    /// A client that calls the service with <paramref name="callerAppIds"/> as <c>dapr-caller-app-id</c> (none: no
    /// header) and, when <paramref name="throughSidecar"/>, the app API token.
    /// </summary>
    public HttpClient CreateClientAs(bool throughSidecar, params string[] callerAppIds)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Remove(DaprCallers.TokenHeader);
        client.DefaultRequestHeaders.Remove(DaprCallers.CallerHeader);
        if (throughSidecar)
        {
            client.DefaultRequestHeaders.Add(DaprCallers.TokenHeader, AppApiToken);
        }

        foreach (var caller in callerAppIds)
        {
            client.DefaultRequestHeaders.Add(DaprCallers.CallerHeader, caller);
        }

        return client;
    }

    /// <summary>
    /// Where the service finds the sidecar's HTTP API (health, invocation) instead of the sidecar, when a test stands
    /// in for it (e.g. a sidecar that is not healthy yet). Set before the service is built.
    /// </summary>
    public Uri? HttpEndpoint { get; set; }

    /// <summary>
    /// The service sees a sidecar that is not healthy until the returned gate is opened (call before the service is
    /// built; the same gate on later calls).
    /// </summary>
    public SidecarHealthGate GateSidecarHealth()
    {
        healthGate ??= SidecarHealthGate.Start(Sidecar.HttpEndpoint);
        HttpEndpoint = healthGate.Endpoint;
        return healthGate;
    }

    /// <summary>The service's sidecar, started on first use (before the service, so a test can arrange state first).</summary>
    // WebApplicationFactory builds the host synchronously; the sidecar starts in well under a second.
    public InProcessSidecar Sidecar => sidecar ??= InProcessSidecar.StartAsync(appId).GetAwaiter().GetResult();

    /// <summary>The same app-id's view of its components, beside the service (not through <see cref="Hooks"/>).</summary>
    public DaprClient Dapr => dapr ??= Sidecar.CreateClient();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var sidecar = Sidecar;
        builder.UseEnvironment("Testing");
        builder.UseSetting("DAPR_HTTP_ENDPOINT", (HttpEndpoint ?? sidecar.HttpEndpoint).ToString());
        builder.UseSetting("DAPR_GRPC_ENDPOINT", sidecar.GrpcEndpoint.ToString());
        builder.UseSetting("StateStore:ConflictDelay", "00:00:00.001");
        builder.UseSetting("StateStore:ConflictMaxDelay", "00:00:00.005");
        builder.UseSetting(DaprCallers.TokenSetting, AppApiToken);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<DaprClient>();
            services.AddSingleton(_ => sidecar.CreateClient(Hooks, HttpEndpoint));
            StartupFailure.RecordValidation(services);
        });
    }

    protected override void ConfigureClient(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add(DaprCallers.TokenHeader, AppApiToken);
        client.DefaultRequestHeaders.Add(DaprCallers.CallerHeader, AppIds.OrderService);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        dapr?.Dispose();
        if (healthGate is not null)
        {
            await healthGate.DisposeAsync();
        }

        if (this.sidecar is { } started)
        {
            await started.DisposeAsync();
        }

        Hooks.Dispose();
        GC.SuppressFinalize(this);
    }
}
