using Dapr.Workflow;
using OrderPlatform.DevSidecar.Tests.Workflows.Samples;
using OrderPlatform.DevSidecar.Tests.Workflows.Support;

namespace OrderPlatform.DevSidecar.Tests.Workflows;

/// <summary>The real Dapr.Workflow worker running workflows through the sidecar's in-memory engine.</summary>
[Collection(WorkflowCollection.Name)]
public sealed class WorkflowExecutionTests(WorkflowFixture fixture)
{
    private DaprWorkflowClient Client => fixture.Orders.Client;

    [Fact]
    public async Task Chained_activities_run_in_order_and_their_outputs_make_the_result()
    {
        var id = WorkflowWaits.NewId("chain");
        await Client.ScheduleNewWorkflowAsync(nameof(ChainWorkflow), id, new SampleOrder(id, 10m));

        var state = await Client.CompletionAsync(id);

        state.RuntimeStatus.Should().Be(WorkflowRuntimeStatus.Completed, state.FailureDetails?.ToString());
        state.ReadOutputAs<string>().Should().Be($"res-{id}|pay-{id}|ship-{id}");
        fixture.Orders.Journal.For(id).Should().Equal($"reserve {id}", $"charge {id}", $"ship {id}");
    }

    [Fact]
    public async Task A_failing_activity_surfaces_as_WorkflowTaskFailedException_and_the_compensation_runs()
    {
        var id = WorkflowWaits.NewId("compensate");
        await Client.ScheduleNewWorkflowAsync(nameof(CompensatingWorkflow), id, new SampleOrder(id, 5000m));

        var state = await Client.CompletionAsync(id);

        state.RuntimeStatus.Should().Be(WorkflowRuntimeStatus.Completed);
        state.ReadOutputAs<string>().Should().Be($"compensated:released-res-{id}:payment declined for {id}");
        fixture.Orders.Journal.For(id).Should().Equal($"reserve {id}", $"charge {id}", $"release res-{id}");
    }

    [Fact]
    public async Task A_raised_external_event_resumes_the_workflow_with_its_payload()
    {
        var id = WorkflowWaits.NewId("approve");
        await Client.ScheduleNewWorkflowAsync(nameof(ApprovalWorkflow), id, 30_000);
        await Client.StartAsync(id);

        await Client.RaiseEventAsync(id, "approval", "by-finance");
        var state = await Client.CompletionAsync(id);

        state.ReadOutputAs<string>().Should().Be("approved:by-finance");
    }

    [Fact]
    public async Task An_external_event_that_never_comes_times_out()
    {
        var id = WorkflowWaits.NewId("timeout");
        await Client.ScheduleNewWorkflowAsync(nameof(ApprovalWorkflow), id, 100);

        var state = await Client.CompletionAsync(id);

        state.RuntimeStatus.Should().Be(WorkflowRuntimeStatus.Completed);
        state.ReadOutputAs<string>().Should().Be("timed-out");
    }

    [Fact]
    public async Task A_durable_timer_fires_and_the_workflow_continues_after_it()
    {
        var id = WorkflowWaits.NewId("timer");
        await Client.ScheduleNewWorkflowAsync(nameof(TimerWorkflow), id, 150);

        var state = await Client.CompletionAsync(id);

        state.ReadOutputAs<string>().Should().Be("timer-fired");
    }

    [Fact]
    public async Task A_child_workflow_runs_and_returns_its_result_to_the_parent()
    {
        var id = WorkflowWaits.NewId("parent");
        await Client.ScheduleNewWorkflowAsync(nameof(ParentWorkflow), id, new SampleOrder(id, 1m));

        var state = await Client.CompletionAsync(id);

        state.RuntimeStatus.Should().Be(WorkflowRuntimeStatus.Completed);
        state.ReadOutputAs<string>().Should().Be($"parent:child:ship-{id}");
    }
}
