using System.Runtime.InteropServices;

namespace OrderPlatform.DevSidecar.Telemetry;

/// <summary>
/// Every <see cref="Interval"/>, hands the free pages of the native heap back to the OS (glibc's <c>malloc_trim</c>):
/// glibc keeps what the JIT and the runtime freed (about 6 MB after start-up here), and it counts in the working set.
/// Linux only; a C library without <c>malloc_trim</c> (musl) turns it off after the first try.
/// </summary>
internal sealed partial class NativeHeapTrimmer(TimeProvider time, ILogger<NativeHeapTrimmer> log, Func<bool> trim, bool enabled) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    public NativeHeapTrimmer(TimeProvider time, ILogger<NativeHeapTrimmer> log)
        : this(time, log, () => MallocTrim(0) != 0, OperatingSystem.IsLinux())
    {
    }

    /// <summary>False once trimming failed: it is not tried again.</summary>
    public bool Enabled { get; private set; } = enabled;

    /// <summary>Trims now; returns whether memory was released.</summary>
    public bool TrimNow()
    {
        if (!Enabled)
        {
            return false;
        }

        try
        {
            return trim();
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            Enabled = false;
            log.LogInformation("Native heap trimming is off: {Reason}", e.Message);
            return false;
        }
    }

    /// <summary>Trims on every tick of <see cref="Interval"/> until <paramref name="stoppingToken"/> is cancelled.</summary>
    internal async Task RunAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (Enabled && await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                TrimNow();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => RunAsync(stoppingToken);

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
