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
        var decision = context.WaitForExternalEventAsync<ApprovalDecision>(OrderWorkflowEvents.ApprovalDecision, CancellationToken.None);

        // The timer is left to expire on its own: a workflow that has moved on ignores it. Cancelling it through a
        // CancellationToken stalls Dapr.Workflow 1.19's worker when the cancellation happens in the episode that
        // received the winning event (the workflow never completes), so no token is passed.
        var timeout = context.CreateTimer(context.CurrentUtcDateTime.Add(input.ApprovalTimeout), CancellationToken.None);

        var winner = await Task.WhenAny(cancel, decision, timeout);
        if (winner == timeout)
        {
            return (ApprovalOutcome.TimedOut, null);
        }

        if (winner == cancel)
        {
            return (ApprovalOutcome.Cancelled, null);
        }

        var result = await decision;
        return (result.Approved ? ApprovalOutcome.Approved : ApprovalOutcome.Rejected, result);
    }
}
