using System.Net.Http.Json;

namespace OrderPlatform.Benchmark.Measure;

/// <summary>The dev sidecar's own call counters (<c>GET /v1.0/dev/stats</c>: appId → api → calls).</summary>
public sealed class SidecarStats(HttpClient http, Uri daprHttpUrl)
{
    public async Task<CallCounts> ReadAsync(CancellationToken cancellationToken) =>
        new(await http.GetFromJsonAsync<Dictionary<string, Dictionary<string, long>>>(
            new Uri(daprHttpUrl, "/v1.0/dev/stats"), cancellationToken) ?? []);

    /// <summary>
    /// Waits until the platform is idle: no sidecar call for <paramref name="quiet"/> (every workflow finished, every
    /// event delivered). Reads only the counters, so waiting adds no calls of its own. False on timeout.
    /// </summary>
    public async Task<bool> WaitForQuietAsync(TimeSpan quiet, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = (await ReadAsync(cancellationToken)).Total;
        var quietSince = DateTime.UtcNow;
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            var now = (await ReadAsync(cancellationToken)).Total;
            if (now != last)
            {
                (last, quietSince) = (now, DateTime.UtcNow);
            }
            else if (DateTime.UtcNow - quietSince >= quiet)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A snapshot of the counters; <see cref="Minus"/> gives the calls made between two snapshots.</summary>
public sealed record CallCounts(IReadOnlyDictionary<string, Dictionary<string, long>> ByApp)
{
    public long Total => ByApp.Values.Sum(apis => apis.Values.Sum());

    public CallCounts Minus(CallCounts before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return new CallCounts(ByApp.ToDictionary(
            app => app.Key,
            app => app.Value.ToDictionary(
                api => api.Key,
                api => api.Value - (before.ByApp.TryGetValue(app.Key, out var old) ? old.GetValueOrDefault(api.Key) : 0),
                StringComparer.Ordinal),
            StringComparer.Ordinal));
    }

    /// <summary>Calls per order: appId → api → calls / orders (two decimals), plus each app's total under "total".</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> PerOrder(long orders) =>
        ByApp.Where(app => app.Value.Values.Sum() > 0).ToDictionary(
            app => app.Key,
            app => (IReadOnlyDictionary<string, double>)app.Value.Where(api => api.Value > 0)
                .Append(new KeyValuePair<string, long>("total", app.Value.Values.Sum()))
                .ToDictionary(api => api.Key, api => orders == 0 ? 0 : Math.Round((double)api.Value / orders, 2), StringComparer.Ordinal),
            StringComparer.Ordinal);
}
