using System.Diagnostics;
using System.Globalization;
using OrderPlatform.PlatformLauncher;

namespace OrderPlatform.Benchmark.Run;

/// <summary>The bare Kestrel baseline (benchmark/BareKestrel) as a process on a free loopback port.</summary>
public sealed class BaselineProcess : IAsyncDisposable
{
    public const string Name = "bare-kestrel";

    private BaselineProcess(ManagedProcess process, Uri url, TimeSpan timeToReady)
    {
        Process = process;
        Url = url;
        TimeToReady = timeToReady;
    }

    public ManagedProcess Process { get; }

    public Uri Url { get; }

    public TimeSpan TimeToReady { get; }

    public static async Task<BaselineProcess> StartAsync(string root, string configuration, HttpClient http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var port = FreePorts.Take(1)[0];
        var url = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        var assembly = RepoPaths.BuiltAssembly(root, "benchmark/BareKestrel", "OrderPlatform.Benchmark.BareKestrel", configuration);
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_URLS"] = url.ToString().TrimEnd('/'),
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        var started = Stopwatch.GetTimestamp();
        var process = ManagedProcess.Start(Name, assembly, [], env, log: null);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (!await IsReadyAsync(http, new Uri(url, "/health/ready"), timeout.Token))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited while starting:{Environment.NewLine}{process.Tail()}");
            }

            await Task.Delay(10, timeout.Token);
        }

        return new BaselineProcess(process, url, Stopwatch.GetElapsedTime(started));
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();

    private static async Task<bool> IsReadyAsync(HttpClient http, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(url, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
