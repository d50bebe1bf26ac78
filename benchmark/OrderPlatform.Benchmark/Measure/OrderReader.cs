using System.Collections.Concurrent;
using System.Text.Json;

namespace OrderPlatform.Benchmark.Measure;

/// <summary>Reads every accepted order back through order-service (after the load, so it does not disturb it).</summary>
public sealed class OrderReader(HttpClient orderService)
{
    public async Task<IReadOnlyList<OrderTiming>> ReadAsync(IEnumerable<string> orderIds, CancellationToken cancellationToken)
    {
        var timings = new ConcurrentBag<OrderTiming>();
        await Parallel.ForEachAsync(
            orderIds,
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (id, ct) =>
            {
                using var response = await orderService.GetAsync(new Uri($"/api/orders/{id}", UriKind.Relative), ct);
                response.EnsureSuccessStatusCode();
                await using var body = await response.Content.ReadAsStreamAsync(ct);
                using var doc = await JsonDocument.ParseAsync(body, cancellationToken: ct);
                timings.Add(OrderTiming.Parse(doc.RootElement));
            });
        return [.. timings];
    }
}
