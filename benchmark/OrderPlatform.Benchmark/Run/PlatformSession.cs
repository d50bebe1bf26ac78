using System.Net.Http.Json;
using OrderPlatform.Benchmark.Measure;
using OrderPlatform.Contracts;
using OrderPlatform.PlatformLauncher;

namespace OrderPlatform.Benchmark.Run;

/// <summary>
/// The platform as it is benchmarked: Production environment, per-call sidecar log line off and services logging
/// warnings only (so console logging does not dominate), readiness polled every 10 ms, benchmark products stocked.
/// </summary>
public sealed class PlatformSession(Platform platform, HttpClient http, LocalTokenAuthority tokens) : IAsyncDisposable
{
    /// <summary>What the report says about how the platform ran (with any <c>--service-env</c> of an A/B run).</summary>
    public static IReadOnlyDictionary<string, string> Configuration(BenchmarkSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var configuration = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["services run as"] = "their images' publish output (each Dockerfile's restore + publish: ReadyToRun, framework-dependent), `dotnet X.dll`",
            ["ASPNETCORE_ENVIRONMENT (services)"] = "Production",
            ["Logging__LogLevel__Default (services, sidecar)"] = "Warning",
            ["DevSidecar__CallLogLevel"] = "None",
            ["Orders__Admission__MaxInFlight (order-service)"] = AdmissionBound,
        };
        foreach (var (name, value) in settings.ServiceEnvironment)
        {
            configuration[$"{name} (services, --service-env)"] = value;
        }

        return configuration;
    }

    /// <summary>
    /// order-service's bound on orders in flight, sized for this machine: ~40 orders/s completed on 2 cores × the 5 s
    /// completion p99 of issue 17 (the service's default, 500, is for a replica of its own).
    /// </summary>
    public const string AdmissionBound = "200";

    public Platform Platform => platform;

    /// <summary>The issuer order-service trusts here (Production: no development key), minting the load's tokens.</summary>
    public LocalTokenAuthority Tokens => tokens;

    /// <summary>An operator's token: reads any customer's order (the drain and the GET phase).</summary>
    public string OperatorToken { get; } = tokens.Token("bench-operator", operatorRole: true);

    public Uri OrderUrl => platform.Ports[AppIds.OrderService].AppUrl;

    public SidecarStats Stats => new(http, platform.Ports[AppIds.OrderService].DaprHttpUrl);

    /// <summary>The dev sidecar's working set, heap and state data now.</summary>
    public Task<SidecarMemory> SidecarMemoryAsync(CancellationToken cancellationToken) =>
        SidecarMemory.ReadAsync(http, platform.Ports[AppIds.OrderService].DaprHttpUrl, cancellationToken);

    /// <summary>
    /// Starts the platform with the services' <paramref name="appAssemblies"/> (their image publish outputs);
    /// <c>--verbose</c> keeps the default log levels and echoes every process's output.
    /// </summary>
    public static async Task<PlatformSession> StartAsync(HttpClient http, BenchmarkSettings settings,
        IReadOnlyDictionary<string, string> appAssemblies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var verbose = settings.Verbose;
        var options = new PlatformOptions
        {
            Environment = "Production",
            ReadinessPollInterval = TimeSpan.FromMilliseconds(10),
            Log = verbose ? Console.WriteLine : null,
            AppAssemblies = new Dictionary<string, string>(appAssemblies, StringComparer.Ordinal),
        };
        foreach (var app in PlatformApp.All)
        {
            foreach (var (name, value) in settings.ServiceEnvironment)
            {
                options.WithAppEnvironment(app.AppId, name, value);
            }
        }

        options.WithAppEnvironment(AppIds.OrderService, "Orders__Admission__MaxInFlight", AdmissionBound);
        // One client posts hundreds of orders a second: the benchmark measures the platform, not the per-caller write
        // limit (RequestLimits), which is lifted out of the way here.
        options.WithAppEnvironment(AppIds.OrderService, "RequestLimits__WritesPerWindow", "1000000");
        if (!verbose)
        {
            options.SidecarEnvironment["DevSidecar__CallLogLevel"] = "None";
            options.SidecarEnvironment["Logging__LogLevel__Default"] = "Warning";
            foreach (var app in PlatformApp.All)
            {
                options.WithAppEnvironment(app.AppId, "Logging__LogLevel__Default", "Warning");
            }
        }

        var tokens = LocalTokenAuthority.Start();
        foreach (var (name, value) in tokens.OrderServiceSettings)
        {
            options.WithAppEnvironment(AppIds.OrderService, name, value);
        }

        try
        {
            return new PlatformSession(await Platform.StartAsync(options, cancellationToken), http, tokens);
        }
        catch
        {
            tokens.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Gives every benchmark product plenty of stock and a catalogue price as an operator does
    /// (<c>PUT /api/products/{productId}/stock</c>; inventory-service itself answers only order-service through Dapr).
    /// </summary>
    public async Task StockAsync(IEnumerable<string> productIds, int available, CancellationToken cancellationToken)
    {
        foreach (var productId in productIds)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(OrderUrl, $"/api/products/{Uri.EscapeDataString(productId)}/stock"))
            {
                Content = JsonContent.Create(new { available, price = 9.99m }),
            };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", OperatorToken);
            using var response = await http.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>Process ids by name, read live (a restarted service has a new one).</summary>
    public IReadOnlyDictionary<string, int> ProcessIds()
    {
        var ids = platform.Apps.ToDictionary(a => a.Key, a => a.Value.ProcessId, StringComparer.Ordinal);
        if (platform.Sidecar is { } sidecar)
        {
            ids[sidecar.Name] = sidecar.ProcessId;
        }

        return ids;
    }

    public async Task<IReadOnlyDictionary<string, double>> RestartEachAsync(CancellationToken cancellationToken)
    {
        var ready = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var app in PlatformApp.All)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            await platform.RestartAppAsync(app.AppId, timeout.Token);
            ready[app.AppId] = Math.Round(platform.Apps[app.AppId].TimeToReady!.Value.TotalMilliseconds);
        }

        return ready;
    }

    public async ValueTask DisposeAsync()
    {
        await platform.DisposeAsync();
        tokens.Dispose();
    }
}
