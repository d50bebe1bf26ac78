using System.Diagnostics;
using Dapr.Client;
using OrderPlatform.Benchmark.Measure;
using OrderPlatform.Contracts;
using OrderPlatform.PlatformLauncher;

namespace OrderPlatform.Benchmark.Run;

/// <summary>
/// Times sequential <c>SaveStateAsync</c> + <c>GetStateAsync</c> pairs of one small object against inventory-service's
/// sidecar (keys <c>bench-rt-0..49</c> in inventory-store), after a warm-up that is not counted.
/// </summary>
public static class StateRoundTripProbe
{
    public const int WarmupIterations = 200;
    public const int Iterations = 2000;
    private const int Keys = 50;

    public static async Task<StateRoundTrip> RunAsync(AppPorts sidecar, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sidecar);
        using var dapr = new DaprClientBuilder()
            .UseGrpcEndpoint(sidecar.DaprGrpcUrl.ToString())
            .UseHttpEndpoint(sidecar.DaprHttpUrl.ToString())
            .Build();
        for (var i = 0; i < WarmupIterations; i++)
        {
            await PairAsync(dapr, i, cancellationToken);
        }

        var pairMs = new double[Iterations];
        for (var i = 0; i < Iterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await PairAsync(dapr, i, cancellationToken);
            pairMs[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        return StateRoundTrip.From(Components.InventoryStore, WarmupIterations, pairMs);
    }

    private static async Task PairAsync(DaprClient dapr, int i, CancellationToken cancellationToken)
    {
        var key = $"bench-rt-{i % Keys}";
        var value = new RoundTripValue(key, i);
        await dapr.SaveStateAsync(Components.InventoryStore, key, value, cancellationToken: cancellationToken);
        var read = await dapr.GetStateAsync<RoundTripValue>(Components.InventoryStore, key, cancellationToken: cancellationToken);
        if (read != value)
        {
            throw new InvalidOperationException($"State round trip of '{key}' read back {read}, not {value}.");
        }
    }

    private sealed record RoundTripValue(string Key, int Iteration);
}
