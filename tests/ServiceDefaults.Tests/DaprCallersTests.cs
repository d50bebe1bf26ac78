using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderPlatform.Contracts;
using OrderPlatform.DevSidecar.Configuration;
using OrderPlatform.DevSidecar.Hosting;
using OrderPlatform.PlatformLauncher;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.ServiceDefaults.Tests;

/// <summary>
/// The kit's Dapr caller policies behind the dev sidecar, over real sockets: the sidecar sends the app API token and
/// stamps the caller's app-id (dapr/dapr pkg/channel/http/http_channel.go, pkg/messaging/direct_messaging.go), the
/// app lets through only the callers it names.
/// </summary>
public sealed class DaprCallersTests : IAsyncLifetime
{
    private const string Token = "app-token-under-test";
    private readonly int[] ports = FreePorts.Take(7);
    private readonly HttpClient http = new();
    private WebApplication? app;
    private WebApplication? sidecar;

    private int AppPort => ports[0];

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{AppPort}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration[DaprCallers.TokenSetting] = Token;
        builder.AddDaprCallers();
        app = builder.Build();
        app.MapPost("/reserve", () => "reserved").RequireDaprCaller(AppIds.OrderService);
        app.MapPost("/cron", () => "ran").RequireDaprBinding();
        await app.StartAsync();

        var options = new SidecarOptions { AppApiToken = Token, CallLogLevel = LogLevel.None };
        options.Apps.Add(new AppDefinition(AppIds.InventoryService, AppPort, ports[1], ports[2]));
        options.Apps.Add(new AppDefinition(AppIds.OrderService, ports[3], ports[4], ports[5]));
        options.Apps.Add(new AppDefinition(AppIds.ShippingService, ports[6], FreePorts.Take(1)[0], FreePorts.Take(1)[0]));
        sidecar = SidecarHost.Build(options, b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        await sidecar.StartAsync();
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        foreach (var host in new[] { sidecar, app })
        {
            if (host is not null)
            {
                await host.StopAsync();
                await host.DisposeAsync();
            }
        }
    }

    private Task<HttpResponseMessage> InvokeAsync(string callerAppId, string method, string? forgedCaller = null)
    {
        var callerPort = sidecar!.Services.GetRequiredService<SidecarApps>().FindById(callerAppId)!.HttpPort;
        var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{callerPort}/v1.0/invoke/{AppIds.InventoryService}/method/{method}");
        if (forgedCaller is not null)
        {
            request.Headers.Add(DaprCallers.CallerHeader, forgedCaller);
        }

        return http.SendAsync(request);
    }

    [Fact]
    public async Task Order_service_through_the_sidecar_is_served()
    {
        var response = await InvokeAsync(AppIds.OrderService, "reserve");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("reserved");
    }

    [Fact]
    public async Task Another_app_through_the_sidecar_is_403_even_when_it_claims_to_be_order_service()
    {
        (await InvokeAsync(AppIds.ShippingService, "reserve")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await InvokeAsync(AppIds.ShippingService, "reserve", forgedCaller: AppIds.OrderService)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_call_straight_to_the_app_port_is_401_whatever_headers_it_brings()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{AppPort}/reserve");
        request.Headers.Add(DaprCallers.CallerHeader, AppIds.OrderService);
        request.Headers.Add(DaprCallers.TokenHeader, "guessed");

        (await http.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await http.PostAsync(new Uri($"http://127.0.0.1:{AppPort}/cron"), null)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_binding_route_is_not_reachable_by_service_invocation()
    {
        (await InvokeAsync(AppIds.OrderService, "cron")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await InvokeAsync(AppIds.InventoryService, "cron")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "not even the app's own invocation");
    }
}
