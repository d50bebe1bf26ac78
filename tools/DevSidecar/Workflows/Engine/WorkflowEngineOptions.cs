using OrderPlatform.DevSidecar.Workflows.Retention;

namespace OrderPlatform.DevSidecar.Workflows.Engine;

/// <summary>Settings every app's engine shares.</summary>
/// <param name="MaxConcurrentWorkItems">Workflow and activity work items each engine hands out at once
/// (<c>DevSidecar:Workflows:MaxConcurrentWorkItems</c>).</param>
/// <param name="Retention">How long ended instances are kept (the Dapr Configuration's stateRetentionPolicy).</param>
/// <param name="RetentionSweepInterval">How often ended instances past their retention are looked for.</param>
public sealed record WorkflowEngineOptions(
    int MaxConcurrentWorkItems, WorkflowRetentionPolicy Retention, TimeProvider Time, TimeSpan RetentionSweepInterval)
{
    public const int DefaultMaxConcurrentWorkItems = 100;

    public static WorkflowEngineOptions Default { get; } = new(
        DefaultMaxConcurrentWorkItems, WorkflowRetentionPolicy.KeepForever, TimeProvider.System, TimeSpan.FromSeconds(1));
}
