using System.Net.Sockets;
using Dapr.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;
using OrderPlatform.DaprFiles;
using OrderPlatform.DevSidecar.Configuration;
using OrderPlatform.DevSidecar.Hosting;
using OrderPlatform.PlatformLauncher;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.Testing;

/// <summary>
/// The dev sidecar (tools/DevSidecar) running in the test process on free loopback ports, serving one app-id with the
/// repository's own <c>components/</c> (names, scopes, key prefixes and resiliency as <c>dapr run -f</c> gets them).
/// A service under test talks to it through the real DaprClient, so its state and query calls, serialization and
/// Dapr's error answers are the real ones, not a mock's.
/// </summary>
public sealed class InProcessSidecar : IAsyncDisposable
{
    private const int StartAttempts = 3;
    private readonly WebApplication app;

    private InProcessSidecar(WebApplication app, AppDefinition definition)
    {
        this.app = app;
        App = definition;
    }

    public AppDefinition App { get; }

    public Uri HttpEndpoint => new($"http://127.0.0.1:{App.HttpPort}");

    public Uri GrpcEndpoint => new($"http://127.0.0.1:{App.GrpcPort}");

    /// <summary>Starts on free ports (again on other ones when a port was taken before Kestrel bound it).</summary>
    public static async Task<InProcessSidecar> StartAsync(string appId)
    {
        for (var attempt = 1; ; attempt++)
        {
            var ports = FreePorts.Take(3);
            var root = RepoPaths.FindRoot();
            // The app's folder from dapr.yaml: relative component paths (secretsFile) resolve from it, as under dapr run -f.
            var appDirectory = DaprRunFile.Load(Path.Combine(root, "dapr.yaml")).Apps.Single(a => a.AppId == appId).AppDirectory;
            var definition = new AppDefinition(appId, ports[0], ports[1], ports[2], appDirectory);
            var options = new SidecarOptions
            {
                ResourcesPath = Path.Combine(root, "components"),
                BaseDirectory = root,
                CallLogLevel = LogLevel.None,
            };
            options.Apps.Add(definition);
            var app = SidecarHost.Build(options, builder => builder.Logging.SetMinimumLevel(LogLevel.Warning));
            try
            {
                await app.StartAsync();
                return new InProcessSidecar(app, definition);
            }
            catch (Exception e) when (attempt < StartAttempts && IsAddressInUse(e))
            {
                await app.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// A DaprClient acting as the app (to arrange or inspect state beside the service under test); with
    /// <paramref name="grpcHandler"/> (<see cref="DaprCallHooks"/>, or a handler in front of them), its gRPC calls pass
    /// through it; <paramref name="httpEndpoint"/> replaces the sidecar's HTTP endpoint (health, invocation) for a test
    /// that stands in for it.
    /// </summary>
    public DaprClient CreateClient(HttpMessageHandler? grpcHandler = null, Uri? httpEndpoint = null)
    {
        var builder = new DaprClientBuilder()
            .UseGrpcEndpoint(GrpcEndpoint.ToString())
            .UseHttpEndpoint((httpEndpoint ?? HttpEndpoint).ToString())
            .UseJsonSerializationOptions(JsonDefaults.Options);
        if (grpcHandler is not null)
        {
            builder.UseGrpcChannelOptions(new Grpc.Net.Client.GrpcChannelOptions { HttpHandler = grpcHandler, DisposeHttpClient = false });
        }

        return builder.Build();
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static bool IsAddressInUse(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is AddressInUseException or SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
            {
                return true;
            }
        }

        return false;
    }
}
