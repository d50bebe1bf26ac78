using Dapr.Workflow;

namespace OrderPlatform.DevSidecar.Tests.Workflows.Samples;

/// <summary>Runs one <see cref="RendezvousActivity"/>: it finishes only when enough activities are in flight together.</summary>
internal sealed class RendezvousWorkflow : Workflow<string, string>
{
    public override Task<string> RunAsync(WorkflowContext context, string input) =>
        context.CallActivityAsync<string>(nameof(RendezvousActivity), input);
}

/// <summary>Waits (up to 20 s) until <see cref="Parties"/> activities are running at the same time.</summary>
internal sealed class RendezvousActivity : WorkflowActivity<string, string>
{
    public const int Parties = 6;
    private static readonly object Gate = new();
    private static int arrived;
    private static TaskCompletionSource allHere = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static void Reset()
    {
        lock (Gate)
        {
            arrived = 0;
            allHere = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public override async Task<string> RunAsync(WorkflowActivityContext context, string input)
    {
        Task wait;
        lock (Gate)
        {
            if (++arrived >= Parties)
            {
                allHere.TrySetResult();
            }

            wait = allHere.Task;
        }

        await wait.WaitAsync(TimeSpan.FromSeconds(20));
        return "met:" + input;
    }
}
