using Dapr.Workflow;

namespace OrderPlatform.OrderService.Workflow;

public enum ApprovalOutcome
{
    Approved,
    Rejected,
    TimedOut,
    Cancelled,
}

/// <summary>Waits for the first of: an approval decision, the approval timeout, a cancellation.</summary>
internal static class ApprovalGate
{
    public static async Task<(ApprovalOutcome Outcome, ApprovalDecision? Decision)> WaitAsync(
        WorkflowContext context, OrderWorkflowInput input, Task<CancelOrderSignal> cancel)
    {
        using var timerCancellation = new CancellationTokenSource();
        var decision = context.WaitForExternalEventAsync<ApprovalDecision>(OrderWorkflowEvents.ApprovalDecision, CancellationToken.None);
        var timeout = context.CreateTimer(context.CurrentUtcDateTime.Add(input.ApprovalTimeout), timerCancellation.Token);

        var winner = await Task.WhenAny(cancel, decision, timeout);
        if (winner == timeout)
        {
            return (ApprovalOutcome.TimedOut, null);
        }

        await timerCancellation.CancelAsync();
        if (winner == cancel)
        {
            return (ApprovalOutcome.Cancelled, null);
        }

        var result = await decision;
        return (result.Approved ? ApprovalOutcome.Approved : ApprovalOutcome.Rejected, result);
    }
}
