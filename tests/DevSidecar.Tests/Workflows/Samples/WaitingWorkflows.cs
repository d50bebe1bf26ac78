using Dapr.Workflow;

namespace OrderPlatform.DevSidecar.Tests.Workflows.Samples;

/// <summary>Waits for "approval" at most the given number of milliseconds.</summary>
internal sealed class ApprovalWorkflow : Workflow<int, string>
{
    public override async Task<string> RunAsync(WorkflowContext context, int input)
    {
        try
        {
            return "approved:" + await context.WaitForExternalEventAsync<string>("approval", TimeSpan.FromMilliseconds(input));
        }
        catch (TaskCanceledException)
        {
            return "timed-out";
        }
    }
}

/// <summary>Waits for "go" with no timeout (terminate / suspend / resume targets).</summary>
internal sealed class WaitForGoWorkflow : Workflow<string, string>
{
    public override async Task<string> RunAsync(WorkflowContext context, string input) =>
        $"{input}:" + await context.WaitForExternalEventAsync<string>("go");
}

/// <summary>Sleeps on a durable timer and reports whether the timer fired no earlier than asked.</summary>
internal sealed class TimerWorkflow : Workflow<int, string>
{
    public override async Task<string> RunAsync(WorkflowContext context, int input)
    {
        var fireAt = context.CurrentUtcDateTime.AddMilliseconds(input);
        await context.CreateTimer(TimeSpan.FromMilliseconds(input));
        return context.CurrentUtcDateTime >= fireAt ? "timer-fired" : "timer-fired-early";
    }
}

/// <summary>Registered as "Identify" by each app with its own answer (isolation between app-ids).</summary>
internal sealed class OrdersIdentifyWorkflow : Workflow<string, string>
{
    public override Task<string> RunAsync(WorkflowContext context, string input) => Task.FromResult("orders-app:" + input);
}

internal sealed class BillingIdentifyWorkflow : Workflow<string, string>
{
    public override Task<string> RunAsync(WorkflowContext context, string input) => Task.FromResult("billing-app:" + input);
}
