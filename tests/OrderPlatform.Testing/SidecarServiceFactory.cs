using Dapr.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OrderPlatform.Testing;

/// <summary>
/// A service hosted by <see cref="WebApplicationFactory{TEntryPoint}"/> whose Dapr sidecar is an
/// <see cref="InProcessSidecar"/> for <paramref name="appId"/>. Every gRPC call the service makes passes
/// <see cref="Hooks"/>; <see cref="Dapr"/> is a second client of the same app-id for arranging and checking state.
/// </summary>
public class SidecarServiceFactory<TProgram>(string appId) : WebApplicationFactory<TProgram>
    where TProgram : class
{
    private InProcessSidecar? sidecar;
    private DaprClient? dapr;

    public DaprCallHooks Hooks { get; } = new();

    public InProcessSidecar Sidecar => sidecar ?? throw new InvalidOperationException("The factory has not built the service yet.");

    /// <summary>The same app-id's view of its components, beside the service (not through <see cref="Hooks"/>).</summary>
    public DaprClient Dapr => dapr ??= Sidecar.CreateClient();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // WebApplicationFactory builds the host synchronously; the sidecar starts in well under a second.
        sidecar ??= InProcessSidecar.StartAsync(appId).GetAwaiter().GetResult();
        builder.UseEnvironment("Testing");
        builder.UseSetting("DAPR_HTTP_ENDPOINT", sidecar.HttpEndpoint.ToString());
        builder.UseSetting("DAPR_GRPC_ENDPOINT", sidecar.GrpcEndpoint.ToString());
        builder.UseSetting("StateStore:ConflictDelay", "00:00:00.001");
        builder.UseSetting("StateStore:ConflictMaxDelay", "00:00:00.005");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<DaprClient>();
            services.AddSingleton(_ => sidecar.CreateClient(Hooks));
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        dapr?.Dispose();
        if (sidecar is not null)
        {
            await sidecar.DisposeAsync();
        }

        Hooks.Dispose();
        GC.SuppressFinalize(this);
    }
}
