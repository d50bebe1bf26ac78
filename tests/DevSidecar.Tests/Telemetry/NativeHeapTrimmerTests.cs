using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OrderPlatform.DevSidecar.Telemetry;

namespace OrderPlatform.DevSidecar.Tests.Telemetry;

public sealed class NativeHeapTrimmerTests
{
    [Fact]
    public void The_C_library_trims_on_Linux()
    {
        var trimmer = new NativeHeapTrimmer(TimeProvider.System, NullLogger<NativeHeapTrimmer>.Instance);

        trimmer.TrimNow();

        trimmer.Enabled.Should().Be(OperatingSystem.IsLinux(), "glibc has malloc_trim");
    }

    [Fact]
    public async Task It_trims_every_interval_until_stopped()
    {
        var time = new FakeTimeProvider();
        var calls = 0;
        var trimmer = new NativeHeapTrimmer(time, NullLogger<NativeHeapTrimmer>.Instance, () => Interlocked.Increment(ref calls) > 0, enabled: true);
        using var stopping = new CancellationTokenSource();
        var running = trimmer.RunAsync(stopping.Token);

        for (var tick = 1; tick <= 3; tick++)
        {
            time.Advance(NativeHeapTrimmer.Interval);
            await WaitUntilAsync(() => Volatile.Read(ref calls) == tick);
        }

        await stopping.CancelAsync();
        await running;
        time.Advance(NativeHeapTrimmer.Interval * 3);
        Volatile.Read(ref calls).Should().Be(3);
    }

    [Fact]
    public void A_C_library_without_malloc_trim_turns_it_off()
    {
        var calls = 0;
        var trimmer = new NativeHeapTrimmer(TimeProvider.System, NullLogger<NativeHeapTrimmer>.Instance, () =>
        {
            calls++;
            throw new EntryPointNotFoundException("malloc_trim");
        }, enabled: true);

        trimmer.TrimNow().Should().BeFalse();
        trimmer.TrimNow().Should().BeFalse();

        trimmer.Enabled.Should().BeFalse();
        calls.Should().Be(1, "a failed trim is not tried again");
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        condition().Should().BeTrue();
    }
}
