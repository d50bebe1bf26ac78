using System.Collections.Concurrent;
using System.Diagnostics;
using Dapr.Workflow;
using OrderPlatform.DevSidecar.Tests.Workflows.Samples;
using OrderPlatform.DevSidecar.Tests.Workflows.Support;
using OrderPlatform.DevSidecar.Workflows.Tracing;

namespace OrderPlatform.DevSidecar.Tests.Workflows;

/// <summary>
/// A workflow scheduled inside a trace stays in it, parented as daprd's engine parents it (dapr/durabletask-go
/// backend/executor.go StartInstance, backend/orchestration.go, backend/runtimestate/applier.go, backend/activity.go):
/// caller → create_orchestration → orchestration → activity (sidecar) → WorkflowActivity (Dapr.Workflow's worker,
/// dotnet-sdk src/Dapr.Workflow/Worker/WorkflowTrace.cs).
/// </summary>
[Collection(WorkflowCollection.Name)]
public sealed class WorkflowTracingTests(WorkflowFixture fixture)
{
    [Fact]
    public async Task The_workflow_and_every_activity_run_in_the_schedulers_trace()
    {
        using var spans = new SpanCollector(WorkflowSpans.SourceName, "Dapr.Workflow");
        var id = WorkflowWaits.NewId("traced");
        var caller = new Activity("caller").SetIdFormat(ActivityIdFormat.W3C).Start();
        try
        {
            await fixture.Orders.Client.ScheduleNewWorkflowAsync(nameof(CompensatingWorkflow), id, new SampleOrder(id, 5000m));
        }
        finally
        {
            caller.Stop();
        }

        (await fixture.Orders.Client.CompletionAsync(id)).RuntimeStatus.Should().Be(WorkflowRuntimeStatus.Completed);
        var trace = await spans.WaitForAsync(caller.TraceId, count: 8);

        var create = trace.Should().ContainSingle(s => s.DisplayName == "create_orchestration||CompensatingWorkflow").Subject;
        create.ParentSpanId.Should().Be(caller.SpanId);
        var run = trace.Should().ContainSingle(s => s.DisplayName == "orchestration||CompensatingWorkflow").Subject;
        run.ParentSpanId.Should().Be(create.SpanId);
        run.GetTagItem("durabletask.task.instance_id").Should().Be(id);
        run.GetTagItem("durabletask.runtime_status").Should().Be("COMPLETED");
        foreach (var name in new[] { nameof(ReserveActivity), nameof(ChargeActivity), nameof(ReleaseActivity) })
        {
            var task = trace.Should().ContainSingle(s => s.DisplayName == $"activity||{name}").Subject;
            task.ParentSpanId.Should().Be(run.SpanId, name);
            trace.Should().ContainSingle(s => s.DisplayName == $"WorkflowActivity {name}")
                .Which.ParentSpanId.Should().Be(task.SpanId, $"the worker's span for {name} continues the sidecar's");
        }

        trace.Single(s => s.DisplayName == $"activity||{nameof(ChargeActivity)}").Status.Should().Be(ActivityStatusCode.Error);
    }

    /// <summary>Every span of the given sources that ends while it lives (other tests' spans are told apart by trace id).</summary>
    private sealed class SpanCollector : IDisposable
    {
        private readonly ConcurrentQueue<Activity> ended = new();
        private readonly ActivityListener listener;

        public SpanCollector(params string[] sources)
        {
            listener = new ActivityListener
            {
                ShouldListenTo = s => sources.Contains(s.Name),
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = ended.Enqueue,
            };
            ActivitySource.AddActivityListener(listener);
        }

        public async Task<IReadOnlyList<Activity>> WaitForAsync(ActivityTraceId traceId, int count)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (true)
            {
                var trace = ended.Where(a => a.TraceId == traceId).ToList();
                if (trace.Count >= count || timeout.IsCancellationRequested)
                {
                    return trace;
                }

                await Task.Delay(50, CancellationToken.None);
            }
        }

        public void Dispose() => listener.Dispose();
    }
}
