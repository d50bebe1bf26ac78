using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderPlatform.DevSidecar.Configuration;
using OrderPlatform.DevSidecar.Telemetry;
using OrderPlatform.DevSidecar.Workflows;

namespace OrderPlatform.DevSidecar.Tests.Workflows.Support;

/// <summary>
/// The workflow module alone in a minimal sidecar host: one gRPC port per app-id, on free loopback ports.
/// </summary>
internal sealed class WorkflowSidecar : IAsyncDisposable
{
    private readonly WebApplication web;

    private WorkflowSidecar(WebApplication web, SidecarApps apps)
    {
        this.web = web;
        Apps = apps;
    }

    public SidecarApps Apps { get; }

    public CallRecorder Calls => web.Services.GetRequiredService<CallRecorder>();

    public IServiceProvider Services => web.Services;

    public static async Task<WorkflowSidecar> StartAsync(params string[] appIds)
    {
        var apps = new SidecarApps(appIds.Select(id =>
            new AppDefinition(id, FreePorts.Next(), FreePorts.Next(), FreePorts.Next())));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var app in apps.All)
            {
                kestrel.Listen(IPAddress.Loopback, app.GrpcPort, l => l.Protocols = HttpProtocols.Http2);
            }
        });
        builder.Services
            .AddSingleton(apps)
            .AddSingleton(new CallLogOptions(LogLevel.Debug))
            .AddSingleton<CallRecorder>()
            .AddSidecarWorkflows()
            .AddGrpc();
        var web = builder.Build();
        web.MapSidecarWorkflows();
        await web.StartAsync();
        return new WorkflowSidecar(web, apps);
    }

    public string GrpcEndpoint(string appId) => $"http://127.0.0.1:{Apps.FindById(appId)!.GrpcPort}";

    public async ValueTask DisposeAsync()
    {
        await web.StopAsync();
        await web.DisposeAsync();
    }
}
