using DurableTask.Core;

namespace OrderPlatform.DevSidecar.Workflows.Retention;

/// <summary>
/// Dapr's workflow history retention policy (<c>Configuration</c> <c>spec.workflow.stateRetentionPolicy</c>): how long
/// an instance is kept once it reaches a terminal state, per state, with <see cref="AnyTerminal"/> for the states not
/// named. Null everywhere (the default) keeps instances until they are purged.
/// </summary>
public sealed record WorkflowRetentionPolicy(
    TimeSpan? AnyTerminal = null, TimeSpan? Completed = null, TimeSpan? Failed = null, TimeSpan? Terminated = null)
{
    /// <summary>Keep every instance (Dapr's default).</summary>
    public static WorkflowRetentionPolicy KeepForever { get; } = new();

    public bool KeepsEverything => AnyTerminal is null && Completed is null && Failed is null && Terminated is null;

    /// <summary>How long an instance that ended in <paramref name="status"/> is kept; null for not terminal or no policy.</summary>
    public TimeSpan? For(OrchestrationStatus status) => status switch
    {
        OrchestrationStatus.Completed => Completed ?? AnyTerminal,
        OrchestrationStatus.Failed => Failed ?? AnyTerminal,
        OrchestrationStatus.Terminated => Terminated ?? AnyTerminal,
        OrchestrationStatus.Canceled => AnyTerminal,
        _ => null,
    };

    public override string ToString() => KeepsEverything
        ? "keep until purged"
        : $"completed {Describe(Completed)}, failed {Describe(Failed)}, terminated {Describe(Terminated)}";

    private string Describe(TimeSpan? specific) => (specific ?? AnyTerminal) is { } keep ? keep.ToString() : "forever";
}
