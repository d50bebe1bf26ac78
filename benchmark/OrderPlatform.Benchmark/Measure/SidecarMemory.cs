using System.Globalization;
using System.Net.Http.Json;

namespace OrderPlatform.Benchmark.Measure;

/// <summary>
/// One reading of the dev sidecar's <c>GET /v1.0/dev/memory</c>, in MB: its working set and managed heap, and the data
/// its in-memory state stores hold (what daprd would keep in Redis, outside the sidecar).
/// </summary>
public sealed record SidecarMemory(double WorkingSetMb, double GcHeapMb, double GcCommittedMb, long StateKeys, double StateValueMb)
{
    public static async Task<SidecarMemory> ReadAsync(HttpClient http, Uri daprHttpUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var report = await http.GetFromJsonAsync<Report>(new Uri(daprHttpUrl, "/v1.0/dev/memory"), cancellationToken)
            ?? throw new InvalidOperationException("The dev sidecar answered /v1.0/dev/memory with nothing.");
        return new SidecarMemory(Mb(report.WorkingSetBytes), Mb(report.GcHeapBytes), Mb(report.GcCommittedBytes),
            report.StateStores.Values.Sum(s => (long)s.Keys), Mb(report.StateStores.Values.Sum(s => s.ValueBytes)));
    }

    /// <summary>"117.2 MB (GC heap 21.3 MB, state 4,210 keys / 3.1 MB)".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{WorkingSetMb} MB (GC heap {GcHeapMb} MB, state {StateKeys:N0} keys / {StateValueMb} MB)");

    private static double Mb(long bytes) => Math.Round(bytes / 1024d / 1024d, 1);

    private sealed record Report(long WorkingSetBytes, long GcHeapBytes, long GcCommittedBytes, Dictionary<string, Store> StateStores);

    private sealed record Store(int Keys, long ValueBytes);
}
