using Dapr.Client;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.DevSidecar.Configuration;
using OrderPlatform.DevSidecar.Hosting;

namespace OrderPlatform.DevSidecar.Tests.Infrastructure;

/// <summary>
/// The sidecar running in-process on free loopback ports, with DaprClient/HttpClient factories per app-id.
/// Usage: <c>await using var host = await SidecarTestHost.StartAsync(o => o.AddApp("a").AddComponent(...));</c>
/// </summary>
public sealed class SidecarTestHost : IAsyncDisposable
{
    private readonly List<IDisposable> clients = [];
    private readonly string resourcesPath;

    private SidecarTestHost(WebApplication app, string resourcesPath)
    {
        App = app;
        this.resourcesPath = resourcesPath;
    }

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    public SidecarApps Apps => Services.GetRequiredService<SidecarApps>();

    /// <summary>Starts on free ports, again on other ones if a port was taken before Kestrel bound it.</summary>
    public static Task<SidecarTestHost> StartAsync(Action<SidecarTestOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return PortConflicts.RetryAsync(() => StartOnceAsync(configure));
    }

    private static async Task<SidecarTestHost> StartOnceAsync(Action<SidecarTestOptions> configure)
    {
        var test = new SidecarTestOptions();
        configure(test);
        var options = new SidecarOptions
        {
            ResourcesPath = test.ResourcesPath,
            BaseDirectory = test.ResourcesPath,
            ApiToken = test.ApiToken,
            ConfigFile = test.ConfigFile,
            CallLogLevel = LogLevel.Debug,
        };
        var ports = FreePorts.Take(test.Apps.Count * 3);
        for (var i = 0; i < test.Apps.Count; i++)
        {
            var (appId, appPort) = test.Apps[i];
            options.Apps.Add(new AppDefinition(appId, appPort ?? ports[i * 3], ports[(i * 3) + 1], ports[(i * 3) + 2]));
        }

        foreach (var component in test.Components)
        {
            options.Components.Add(component);
        }

        var app = SidecarHost.Build(options, builder =>
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            test.ConfigureBuilder?.Invoke(builder);
        });
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            Directory.Delete(test.ResourcesPath, recursive: true);
            throw;
        }

        return new SidecarTestHost(app, test.ResourcesPath);
    }

    public AppDefinition this[string appId] =>
        Apps.FindById(appId) ?? throw new ArgumentException($"The test sidecar does not serve '{appId}'.", nameof(appId));

    public Uri HttpEndpoint(string appId) => new($"http://127.0.0.1:{this[appId].HttpPort}");

    public Uri GrpcEndpoint(string appId) => new($"http://127.0.0.1:{this[appId].GrpcPort}");

    public T GetRequiredService<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A real Dapr SDK client pointed at this app's sidecar ports (disposed with the host).</summary>
    public DaprClient CreateDaprClient(string appId, string? apiToken = null)
    {
        var builder = new DaprClientBuilder()
            .UseGrpcEndpoint(GrpcEndpoint(appId).ToString())
            .UseHttpEndpoint(HttpEndpoint(appId).ToString());
        if (apiToken is not null)
        {
            builder.UseDaprApiToken(apiToken);
        }

        return Track(builder.Build());
    }

    /// <summary>An HttpClient whose base address is this app's sidecar HTTP port (for the HTTP-only API surface).</summary>
    public HttpClient CreateHttpClient(string appId) => Track(new HttpClient { BaseAddress = HttpEndpoint(appId) });

    public async ValueTask DisposeAsync()
    {
        clients.ForEach(c => c.Dispose());
        await App.StopAsync();
        await App.DisposeAsync();
        Directory.Delete(resourcesPath, recursive: true);
    }

    private T Track<T>(T client)
        where T : IDisposable
    {
        clients.Add(client);
        return client;
    }
}
