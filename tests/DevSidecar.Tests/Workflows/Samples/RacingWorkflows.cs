using Dapr.Workflow;

namespace OrderPlatform.DevSidecar.Tests.Workflows.Samples;

public sealed record Decision(bool Approved, string? By);

/// <summary>
/// The order workflow's approval gate in miniature: a decision, a cancellation and a timer race with Task.WhenAny.
/// The timer is not cancelled (a workflow that moved on ignores it).
/// </summary>
internal sealed class RacingEventsWorkflow : Workflow<int, string>
{
    public override async Task<string> RunAsync(WorkflowContext context, int input)
    {
        var cancel = context.WaitForExternalEventAsync<string>("cancel", CancellationToken.None);
        var decision = context.WaitForExternalEventAsync<Decision>("decision", CancellationToken.None);
        var timer = context.CreateTimer(context.CurrentUtcDateTime.AddMilliseconds(input), CancellationToken.None);

        var winner = await Task.WhenAny(cancel, decision, timer);
        if (winner == timer)
        {
            return "timed-out";
        }

        return winner == cancel ? "cancelled:" + await cancel : $"decided:{(await decision).Approved}:{(await decision).By}";
    }
}
