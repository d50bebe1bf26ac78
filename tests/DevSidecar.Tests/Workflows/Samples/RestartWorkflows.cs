using Dapr.Workflow;

namespace OrderPlatform.DevSidecar.Tests.Workflows.Samples;

/// <summary>
/// Shared by the workers of one test (each a separate host): counts <see cref="GatedActivity"/>'s runs and holds the
/// first <see cref="Held"/> of them until the test ends, so their worker can leave with them unfinished.
/// </summary>
internal sealed class ActivityGate : IDisposable
{
    public const int Held = 2;

    private readonly TaskCompletionSource allHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource release = new();
    private int runs;

    public int Runs => Volatile.Read(ref runs);

    /// <summary>Completes once the held runs have all started.</summary>
    public Task AllHeld => allHeld.Task;

    public async Task EnterAsync()
    {
        var run = Interlocked.Increment(ref runs);
        if (run <= Held)
        {
            if (run == Held)
            {
                allHeld.TrySetResult();
            }

            await Task.Delay(Timeout.InfiniteTimeSpan, release.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public void Dispose()
    {
        release.Cancel();
        release.Dispose();
    }
}

internal sealed class GatedActivity(ActivityGate gate) : WorkflowActivity<string, string>
{
    public override async Task<string> RunAsync(WorkflowActivityContext context, string input)
    {
        await gate.EnterAsync();
        return $"done-{input}";
    }
}

/// <summary>Runs <see cref="ActivityGate.Held"/> gated activities side by side.</summary>
internal sealed class GatedWorkflow : Workflow<string, string>
{
    public override async Task<string> RunAsync(WorkflowContext context, string input)
    {
        var results = await Task.WhenAll(Enumerable.Range(1, ActivityGate.Held)
            .Select(i => context.CallActivityAsync<string>(nameof(GatedActivity), $"{input}-{i}")));
        return string.Join('|', results);
    }
}
