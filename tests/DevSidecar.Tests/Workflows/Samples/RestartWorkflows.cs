using Dapr.Workflow;

namespace OrderPlatform.DevSidecar.Tests.Workflows.Samples;

/// <summary>
/// Shared by the workers of one test (each a separate host): counts <see cref="GatedActivity"/>'s runs and holds the
/// first one until the test ends, so that worker can leave with the activity unfinished.
/// </summary>
internal sealed class ActivityGate : IDisposable
{
    private readonly TaskCompletionSource firstStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource release = new();
    private int runs;

    public int Runs => Volatile.Read(ref runs);

    public Task FirstStarted => firstStarted.Task;

    public async Task<int> EnterAsync()
    {
        var run = Interlocked.Increment(ref runs);
        if (run == 1)
        {
            firstStarted.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, release.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        return run;
    }

    public void Dispose()
    {
        release.Cancel();
        release.Dispose();
    }
}

internal sealed class GatedActivity(ActivityGate gate) : WorkflowActivity<string, string>
{
    public override async Task<string> RunAsync(WorkflowActivityContext context, string input) =>
        $"{input}:run{await gate.EnterAsync()}";
}

internal sealed class GatedWorkflow : Workflow<string, string>
{
    public override Task<string> RunAsync(WorkflowContext context, string input) =>
        context.CallActivityAsync<string>(nameof(GatedActivity), input);
}
