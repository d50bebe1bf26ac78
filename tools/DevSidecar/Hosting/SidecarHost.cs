using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using OrderPlatform.DevSidecar.Api;
using OrderPlatform.DevSidecar.Configuration;
using OrderPlatform.DevSidecar.Faults;
using OrderPlatform.DevSidecar.Health;
using OrderPlatform.DevSidecar.Invocation;
using OrderPlatform.DevSidecar.Messaging;
using OrderPlatform.DevSidecar.MetadataApi;
using OrderPlatform.DevSidecar.Resiliency;
using OrderPlatform.DevSidecar.Secrets;
using OrderPlatform.DevSidecar.Security;
using OrderPlatform.DevSidecar.State;
using OrderPlatform.DevSidecar.Telemetry;
using OrderPlatform.DevSidecar.Workflows;

namespace OrderPlatform.DevSidecar.Hosting;

/// <summary>
/// Builds the sidecar WebApplication: Kestrel listens on 127.0.0.1 at every app's HttpPort (HTTP/1.1) and GrpcPort
/// (HTTP/2 without TLS), registers the shared singletons, AddGrpc(), and each module's Add*/Map* methods.
/// </summary>
public static class SidecarHost
{
    public static WebApplication Build(SidecarOptions options, Action<WebApplicationBuilder>? configureBuilder = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        // The slim builder: Kestrel without HTTPS, QUIC or IIS, console logging only; a sidecar on loopback needs no more.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [.. options.Args] });
        var settings = SidecarSettings.Resolve(options, builder.Configuration);
        if (settings.Apps.Count == 0)
        {
            throw new InvalidOperationException(
                "No apps to serve: pass --run-file dapr.yaml (apps[].appID/appPort/daprHTTPPort/daprGRPCPort) or DevSidecar:Apps:{appId}:AppPort|HttpPort|GrpcPort.");
        }

        var apps = new SidecarApps(settings.Apps);
        var components = new ComponentRegistry(settings.Components, settings.BaseDirectory, settings.Apps);

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var app in apps.All)
            {
                kestrel.Listen(IPAddress.Loopback, app.HttpPort, l => l.Protocols = HttpProtocols.Http1);
                kestrel.Listen(IPAddress.Loopback, app.GrpcPort, l => l.Protocols = HttpProtocols.Http2);
            }
        });
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Services
            .AddSingleton(settings)
            .AddSingleton(apps)
            .AddSingleton(components)
            .AddSingleton(new CallLogOptions(settings.CallLogLevel))
            .AddSingleton<CallRecorder>()
            .AddSingleton<ApiCalls>()
            .AddSingleton(TimeProvider.System)
            .AddHostedService<NativeHeapTrimmer>();
        builder.Services.AddGrpc();
        builder.Services.AddSidecarFaults().AddSidecarState().AddSidecarSecrets().AddSidecarMetadata();
        builder.Services.AddSidecarResiliency(settings.ResourcesPath ?? string.Empty)
            .AddSidecarInvocation()
            .AddSidecarMessaging()
            .AddSidecarWorkflows()
            .AddSidecarTraceExport(builder.Configuration);
        configureBuilder?.Invoke(builder);

        var web = builder.Build();
        EndpointBanner.LogOnStart(web);
        web.UseMiddleware<TraceParentMiddleware>();
        web.UseMiddleware<ApiTokenMiddleware>();
        web.MapSidecarHealth().MapSidecarStats().MapSidecarMetadata().MapSidecarState().MapSidecarSecrets();
        web.MapSidecarMessaging().MapSidecarInvocation().MapSidecarWorkflows();
        web.MapSidecarFaults(builder.Configuration.GetValue<bool>(SidecarFaults.ConfigKey));
        return web;
    }
}
