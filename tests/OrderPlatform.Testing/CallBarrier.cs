namespace OrderPlatform.Testing;

/// <summary>
/// For <c>factory.Hooks.Before(method, barrier.ArriveAsync)</c>: holds the first <paramref name="participants"/> calls
/// until all of them have arrived, so that many requests really race (each read before any writes); later calls pass.
/// </summary>
public sealed class CallBarrier(int participants)
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);
    private readonly TaskCompletionSource allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int arrived;

    public async Task ArriveAsync(CancellationToken ct)
    {
        var order = Interlocked.Increment(ref arrived);
        if (order > participants)
        {
            return;
        }

        if (order == participants)
        {
            allArrived.TrySetResult();
        }

        await allArrived.Task.WaitAsync(HangGuard, ct);
    }
}
