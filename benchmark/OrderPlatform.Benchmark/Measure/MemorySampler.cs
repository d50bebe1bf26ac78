using System.Diagnostics;

namespace OrderPlatform.Benchmark.Measure;

/// <summary>
/// Samples the working set (resident memory on Linux) of named processes every <c>interval</c> in the background and
/// keeps each one's peak since the last <see cref="Reset"/>.
/// </summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly Func<IReadOnlyDictionary<string, int>> _processes;
    private readonly Dictionary<string, long> _peaks = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public MemorySampler(Func<IReadOnlyDictionary<string, int>> processes, TimeSpan interval)
    {
        _processes = processes;
        _loop = LoopAsync(interval, _stop.Token);
    }

    /// <summary>One reading now, in MB, of every process.</summary>
    public IReadOnlyDictionary<string, double> ReadNow() =>
        _processes().ToDictionary(p => p.Key, p => ToMb(WorkingSet(p.Value)), StringComparer.Ordinal);

    public void Reset()
    {
        lock (_gate)
        {
            _peaks.Clear();
        }
    }

    /// <summary>Peak working set in MB of every process since the last reset.</summary>
    public IReadOnlyDictionary<string, double> Peaks()
    {
        lock (_gate)
        {
            return _peaks.ToDictionary(p => p.Key, p => ToMb(p.Value), StringComparer.Ordinal);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task LoopAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            var readings = _processes().Select(p => (p.Key, Bytes: WorkingSet(p.Value))).ToList();
            lock (_gate)
            {
                foreach (var (name, bytes) in readings)
                {
                    _peaks[name] = Math.Max(bytes, _peaks.GetValueOrDefault(name));
                }
            }
        }
    }

    private static long WorkingSet(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return process.WorkingSet64;
        }
        catch (ArgumentException)
        {
            return 0; // exited (e.g. while a service is restarted)
        }
    }

    private static double ToMb(long bytes) => Math.Round(bytes / 1024d / 1024d, 1);
}
