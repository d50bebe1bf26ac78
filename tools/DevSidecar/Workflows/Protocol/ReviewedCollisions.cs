namespace OrderPlatform.DevSidecar.Workflows.Protocol;

/// <summary>
/// The collisions between Dapr.DurableTask.Protobuf (Dapr.Workflow 1.19.0) and Microsoft.DurableTask.Protobuf
/// (Microsoft.DurableTask.InProcessTestHost 0.2.3-preview.1) that were reviewed: each is cleared on the sending side
/// because the receiver has no use for it (routing, versioning, tags, trace and execution ids the in-memory engine
/// does not implement; the task trace contexts Dapr's worker never sends are set by <c>WorkflowSpans</c> on the engine's
/// side, as daprd sets them). When an SDK upgrade changes this list, a test fails and the sidecar logs a warning: review
/// the new fields before updating it (one may need translating rather than clearing).
/// </summary>
public static class ReviewedCollisions
{
    public static IReadOnlyList<string> Keys { get; } =
    [
        // Dapr's task router (cross-app calls) and task execution ids vs Microsoft's tags and trace contexts.
        "ActivityRequest.taskExecutionId=#7 vs ActivityRequest.tags",
        "CreateChildWorkflowAction.router=#5 vs CreateSubOrchestrationAction.parentTraceContext",
        "HistoryEvent.router=#30 vs HistoryEvent.executionRewound",
        "ScheduleTaskAction.router=#4 vs ScheduleTaskAction.tags",
        "ScheduleTaskAction.taskExecutionId=#5 vs ScheduleTaskAction.parentTraceContext",
        "TaskScheduledEvent.taskExecutionId=#5 vs TaskScheduledEvent.tags",
        "WorkflowAction.router=#9 vs OrchestratorAction.rewindOrchestration",
        "WorkflowRequest.router=#7 vs OrchestratorRequest.properties",

        // Dapr's history propagation / rerun metadata vs Microsoft's tags and trace context.
        "ChildWorkflowInstanceCreatedEvent.rerunParentInstanceInfo=#6 vs SubOrchestrationInstanceCreatedEvent.tags",
        "CreateChildWorkflowAction.historyPropagationScope=#6 vs CreateSubOrchestrationAction.tags",
        "WorkflowRequest.propagatedHistory=#8 vs OrchestratorRequest.orchestrationTraceContext",

        // Dapr's workflow versioning and forced purge (the in-memory engine has neither).
        "WorkflowResponse.version=#6 vs OrchestratorResponse.orchestrationTraceContext",
        "PurgeInstancesRequest.force=#4 vs PurgeInstancesRequest.instanceBatch",
    ];

    /// <summary>The differences between the live descriptors and the reviewed list (empty when they match).</summary>
    public static IReadOnlyList<string> Differences(ProtocolMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var live = map.Collisions.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        return
        [
            .. live.Except(Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(k => $"new: {k}"),
            .. Keys.Except(live, StringComparer.Ordinal).Select(k => $"gone: {k}"),
        ];
    }

    public static void WarnIfChanged(ProtocolMap map, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        var differences = Differences(map);
        if (differences.Count > 0)
        {
            logger.LogWarning(
                "The workflow protocol collisions differ from the reviewed list (SDK upgrade?): {Differences}",
                string.Join("; ", differences));
        }
    }
}
