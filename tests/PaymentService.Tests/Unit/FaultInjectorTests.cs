using OrderPlatform.PaymentService.Faults;

namespace OrderPlatform.PaymentService.Tests.Unit;

public sealed class FaultInjectorTests
{
    [Fact]
    public void Racing_takers_are_served_exactly_one_failure_per_decrement()
    {
        // Four threads released together by a barrier keep taking until every one of them has taken a million times,
        // so the takes overlap however the threads are scheduled (none can finish while another has not run). An
        // unguarded read-check-decrement loses decrements: more failures are served than the count went down.
        const int Takers = 4;
        const int TakesEach = 1_000_000;
        const int Armed = int.MaxValue; // never runs out: every take succeeds and must count down by one
        var faults = new FaultInjector();
        faults.Arm(Armed, 502);
        using var start = new Barrier(Takers);
        var served = new int[Takers];

        var threads = Enumerable.Range(0, Takers).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            while (Volatile.Read(ref served[t]) < TakesEach || !Enumerable.Range(0, Takers).All(o => Volatile.Read(ref served[o]) >= TakesEach))
            {
                for (var i = 0; i < 1024; i++)
                {
                    if (faults.TryTake(out _))
                    {
                        Volatile.Write(ref served[t], served[t] + 1);
                    }
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        var remaining = faults.Current();
        remaining.StatusCode.Should().Be(502);
        ((long)Armed - remaining.Remaining).Should().Be(served.Sum(l => (long)l), "each failure served takes exactly one off the count");
    }
}
