using System.Collections.Concurrent;
using System.Diagnostics;
using D = Dapr.DurableTask.Protobuf;
using M = Microsoft.DurableTask.Protobuf;

namespace OrderPlatform.DevSidecar.Workflows.Tracing;

/// <summary>
/// Carries a workflow's W3C trace context through the engine the way daprd's engine (dapr/durabletask-go) does, and
/// records the same spans:
/// <list type="bullet">
/// <item><c>StartInstance</c>: a <c>create_orchestration||name</c> span under the request's <c>parentTraceContext</c>
/// (the one Dapr.Workflow's client sets from <c>Activity.Current</c>), which becomes the ExecutionStarted event's
/// trace context (durabletask-go <c>backend/executor.go</c> StartInstance);</item>
/// <item>an <c>orchestration||name</c> span under it from start to end (<c>backend/orchestration.go</c>
/// startOrResumeWorkflowSpan), which every scheduled task gets as its <c>parentTraceContext</c>
/// (<c>backend/runtimestate/applier.go</c>: TaskScheduled.ParentTraceContext = the workflow's trace context);</item>
/// <item>each activity work item: an <c>activity||name</c> span under the task's context, sent to the worker as the
/// ActivityRequest's <c>parentTraceContext</c> (<c>backend/activity.go</c>, <c>backend/executor.go</c>), under which
/// Dapr.Workflow starts its <c>WorkflowActivity name</c> span (dotnet-sdk <c>src/Dapr.Workflow/Worker/WorkflowTrace.cs</c>).</item>
/// </list>
/// Dapr's worker never sends a task trace context (its ScheduleTaskAction field 5 is <c>taskExecutionId</c>, cleared
/// as a collision), so the sidecar sets Microsoft's ScheduleTaskAction <c>parentTraceContext</c> itself, as daprd does.
/// Span names and attributes are durabletask-go's (<c>api/helpers/tracing.go</c>). Without a listener (no
/// exporter configured) no span is recorded and the incoming context is passed on unchanged, as OpenTelemetry's no-op
/// tracer does in daprd.
/// </summary>
public sealed class WorkflowSpans
{
    public const string SourceName = "OrderPlatform.DevSidecar.Workflows";

    private static readonly ActivitySource Source = new(SourceName);

    private readonly ConcurrentDictionary<(string App, string Instance), Traced> workflows = new();
    private readonly ConcurrentDictionary<(string App, string Instance, int Task), Activity> activities = new();

    /// <summary>
    /// Before the engine schedules an instance: the create span, the engine request's trace context, and the open
    /// workflow span. The returned callback ends the workflow span when scheduling failed.
    /// </summary>
    public Action<bool> Scheduling(string appId, D.CreateInstanceRequest request, M.CreateInstanceRequest forEngine)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(forEngine);
        var parent = Parse(request.ParentTraceContext?.TraceParent, request.ParentTraceContext?.TraceState)
            ?? (Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Context : default);
        var tags = Tags("orchestration", request.Name, request.InstanceId);
        ActivityContext created;
        using (var create = StartDetached($"create_orchestration||{request.Name}", ActivityKind.Client, parent, tags))
        {
            created = create?.Context ?? parent;
        }

        if (created == default)
        {
            return _ => { };
        }

        forEngine.ParentTraceContext = ToMicrosoft(created);
        var run = StartDetached($"orchestration||{request.Name}", ActivityKind.Server, created, tags);
        var key = (appId, request.InstanceId);
        if (workflows.TryRemove(key, out var previous))
        {
            previous.End("SUPERSEDED", error: false);
        }

        workflows[key] = new Traced(run, run?.Context ?? created);
        return scheduled =>
        {
            if (!scheduled && workflows.TryRemove(key, out var failed))
            {
                failed.End("NOT_SCHEDULED", error: true);
            }
        };
    }

    /// <summary>
    /// A workflow episode's answer: every task and child workflow it schedules carries the workflow's trace context;
    /// an answer that completes the workflow ends its span.
    /// </summary>
    public void Completing(string appId, M.OrchestratorResponse forEngine)
    {
        ArgumentNullException.ThrowIfNull(forEngine);
        var key = (appId, forEngine.InstanceId);
        if (!workflows.TryGetValue(key, out var workflow))
        {
            return;
        }

        foreach (var action in forEngine.Actions)
        {
            switch (action.OrchestratorActionTypeCase)
            {
                case M.OrchestratorAction.OrchestratorActionTypeOneofCase.ScheduleTask:
                    action.ScheduleTask.ParentTraceContext = ToMicrosoft(workflow.Context);
                    break;
                case M.OrchestratorAction.OrchestratorActionTypeOneofCase.CreateSubOrchestration:
                    action.CreateSubOrchestration.ParentTraceContext = ToMicrosoft(workflow.Context);
                    break;
                case M.OrchestratorAction.OrchestratorActionTypeOneofCase.CompleteOrchestration
                    when action.CompleteOrchestration.OrchestrationStatus != M.OrchestrationStatus.ContinuedAsNew:
                    Ended(appId, forEngine.InstanceId, action.CompleteOrchestration.OrchestrationStatus.ToString().ToUpperInvariant(),
                        error: action.CompleteOrchestration.OrchestrationStatus != M.OrchestrationStatus.Completed);
                    break;
            }
        }
    }

    /// <summary>An instance ended outside an episode (terminated, purged): its span ends.</summary>
    public void Ended(string appId, string instanceId, string status, bool error)
    {
        if (workflows.TryRemove((appId, instanceId), out var workflow))
        {
            workflow.End(status, error);
        }
    }

    /// <summary>
    /// A work item on its way to the worker: an activity request gets its activity span, whose context the worker
    /// receives as the request's <c>parentTraceContext</c>.
    /// </summary>
    public void Dispatching(string appId, M.WorkItem item, D.WorkItem toWorker)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(toWorker);
        if (item.ActivityRequest is not { } request || toWorker.ActivityRequest is not { } forWorker
            || Parse(request.ParentTraceContext?.TraceParent, request.ParentTraceContext?.TraceState) is not { } parent)
        {
            return;
        }

        var instanceId = request.OrchestrationInstance?.InstanceId ?? string.Empty;
        var tags = Tags("activity", request.Name, instanceId);
        tags.Add(new("durabletask.task.task_id", (long)request.TaskId));
        var span = StartDetached($"activity||{request.Name}", ActivityKind.Server, parent, tags);
        forWorker.ParentTraceContext = ToDapr(span?.Context ?? parent);
        if (span is not null)
        {
            // A work item handed back after a worker left is dispatched again: the earlier attempt's span ends.
            activities.AddOrUpdate((appId, instanceId, request.TaskId), span, (_, earlier) =>
            {
                earlier.SetStatus(ActivityStatusCode.Error, "work item handed back");
                earlier.Stop();
                return span;
            });
        }
    }

    /// <summary>The worker's answer to an activity work item ends its span.</summary>
    public void ActivityCompleted(string appId, D.ActivityResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (activities.TryRemove((appId, response.InstanceId, response.TaskId), out var span))
        {
            if (response.FailureDetails is { } failure)
            {
                span.SetStatus(ActivityStatusCode.Error, failure.ErrorMessage);
            }

            span.Stop();
        }
    }

    internal static string TraceParent(ActivityContext context) =>
        $"00-{context.TraceId.ToHexString()}-{context.SpanId.ToHexString()}-{((context.TraceFlags & ActivityTraceFlags.Recorded) != 0 ? "01" : "00")}";

    private static ActivityContext? Parse(string? traceParent, string? traceState) =>
        !string.IsNullOrEmpty(traceParent) && ActivityContext.TryParse(traceParent, traceState, isRemote: true, out var context)
            ? context
            : null;

    private static List<KeyValuePair<string, object?>> Tags(string type, string name, string instanceId) =>
    [
        new("durabletask.type", type),
        new("durabletask.task.name", name),
        new("durabletask.task.instance_id", instanceId),
    ];

    /// <summary>Starts a span without making it the ambient one (it outlives the call that starts it).</summary>
    private static Activity? StartDetached(string name, ActivityKind kind, ActivityContext parent, IEnumerable<KeyValuePair<string, object?>> tags)
    {
        var ambient = Activity.Current;
        var span = Source.StartActivity(name, kind, parent, tags);
        Activity.Current = ambient;
        return span;
    }

    private static M.TraceContext ToMicrosoft(ActivityContext context) => new()
    {
        TraceParent = TraceParent(context),
        TraceState = string.IsNullOrEmpty(context.TraceState) ? null : context.TraceState,
    };

    private static D.TraceContext ToDapr(ActivityContext context) => new()
    {
        TraceParent = TraceParent(context),
        TraceState = string.IsNullOrEmpty(context.TraceState) ? null : context.TraceState,
    };

    /// <summary>A workflow's open span (null without a listener) and the context its tasks are scheduled under.</summary>
    private sealed record Traced(Activity? Span, ActivityContext Context)
    {
        public void End(string status, bool error)
        {
            if (Span is null)
            {
                return;
            }

            Span.SetTag("durabletask.runtime_status", status);
            if (error)
            {
                Span.SetStatus(ActivityStatusCode.Error, status);
            }

            Span.Stop();
        }
    }
}
