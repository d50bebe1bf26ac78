using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderPlatform.PlatformLauncher;

namespace OrderPlatform.ServiceDefaults.Tests;

/// <summary>
/// The probes every service maps: liveness never depends on the sidecar (ACA restarts a replica whose liveness fails,
/// which would not bring a missing sidecar back), readiness runs every check, the sidecar's and a service's own.
/// </summary>
public sealed class HealthEndpointsTests : IAsyncLifetime
{
    private readonly int[] ports = FreePorts.Take(2);
    private readonly HttpClient http = new();
    private readonly List<WebApplication> hosts = [];
    private bool sidecarHealthy;
    private bool ownCheckHealthy = true;

    private string App => $"http://127.0.0.1:{ports[0]}";

    public async Task InitializeAsync()
    {
        // The sidecar's health API (dapr/dapr pkg/api/http/http.go: GET /v1.0/healthz, 204 when healthy, 500 when not).
        var sidecar = WebApplication.CreateSlimBuilder();
        sidecar.WebHost.UseUrls($"http://127.0.0.1:{ports[1]}");
        sidecar.Logging.ClearProviders();
        var sidecarApp = sidecar.Build();
        sidecarApp.MapGet("/v1.0/healthz", () => sidecarHealthy ? Results.NoContent() : Results.StatusCode(500));
        await Start(sidecarApp);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(App);
        builder.Logging.ClearProviders();
        builder.Configuration["DAPR_HTTP_ENDPOINT"] = $"http://127.0.0.1:{ports[1]}";
        builder.AddServiceDefaults();
        builder.Services.AddHealthChecks().AddCheck("own", () => ownCheckHealthy ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy());
        var app = builder.Build();
        app.MapDefaultEndpoints();
        await Start(app);
    }

    private async Task Start(WebApplication app)
    {
        hosts.Add(app);
        await app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        foreach (var host in Enumerable.Reverse(hosts))
        {
            await host.StopAsync();
            await host.DisposeAsync();
        }
    }

    private async Task<(HttpStatusCode Live, HttpStatusCode Ready)> ProbeAsync() =>
        ((await http.GetAsync($"{App}{ServiceDefaultsExtensions.LivePath}")).StatusCode,
         (await http.GetAsync($"{App}{ServiceDefaultsExtensions.ReadyPath}")).StatusCode);

    [Fact]
    public async Task Ready_only_with_a_healthy_sidecar_and_every_own_check_live_regardless()
    {
        (await ProbeAsync()).Should().Be((HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable), "the sidecar answers 500");

        sidecarHealthy = true;
        (await ProbeAsync()).Should().Be((HttpStatusCode.OK, HttpStatusCode.OK));

        ownCheckHealthy = false;
        (await ProbeAsync()).Should().Be((HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable), "the service's own check fails");
    }

    [Fact]
    public async Task A_sidecar_that_is_not_there_is_not_ready_and_still_live()
    {
        var sidecar = hosts[0];
        await sidecar.StopAsync();

        (await ProbeAsync()).Should().Be((HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable));
    }
}
