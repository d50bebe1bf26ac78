using Dapr.Workflow;

namespace OrderPlatform.DevSidecar.Tests.Workflows.Support;

/// <summary>Waits with a generous guard (a hang fails the test instead of blocking the run).</summary>
internal static class WorkflowWaits
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    public static async Task<WorkflowState> CompletionAsync(this DaprWorkflowClient client, string instanceId)
    {
        using var cts = new CancellationTokenSource(Guard);
        return await client.WaitForWorkflowCompletionAsync(instanceId, true, cts.Token);
    }

    public static async Task<WorkflowState> StartAsync(this DaprWorkflowClient client, string instanceId)
    {
        using var cts = new CancellationTokenSource(Guard);
        return await client.WaitForWorkflowStartAsync(instanceId, true, cts.Token);
    }

    /// <summary>Polls the state until it has the wanted status (suspend/resume are asynchronous in the engine).</summary>
    public static async Task<WorkflowState> StatusAsync(
        this DaprWorkflowClient client, string instanceId, WorkflowRuntimeStatus status)
    {
        using var cts = new CancellationTokenSource(Guard);
        while (true)
        {
            var state = await client.GetWorkflowStateAsync(instanceId, true, cts.Token);
            if (state.RuntimeStatus == status)
            {
                return state;
            }

            await Task.Delay(20, cts.Token);
        }
    }

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}
