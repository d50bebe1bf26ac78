using Dapr.Workflow;
using DurableTask.Core;
using Grpc.Core;
using OrderPlatform.DevSidecar.Tests.Workflows.Samples;
using OrderPlatform.DevSidecar.Tests.Workflows.Support;
using OrderPlatform.DevSidecar.Workflows.Engine;

namespace OrderPlatform.DevSidecar.Tests.Workflows;

/// <summary>DaprWorkflowClient's management calls: state, terminate, purge, suspend/resume, listing.</summary>
[Collection(WorkflowCollection.Name)]
public sealed class WorkflowManagementTests(WorkflowFixture fixture)
{
    private DaprWorkflowClient Client => fixture.Orders.Client;

    private WorkflowEngine Engine => fixture.Sidecar.GetRequiredService<WorkflowEngines>().For(WorkflowFixture.OrdersApp);

    [Fact]
    public async Task GetWorkflowStateAsync_reports_name_status_input_and_output()
    {
        var id = WorkflowWaits.NewId("state");
        var order = new SampleOrder(id, 42m);
        await Client.ScheduleNewWorkflowAsync(nameof(ChainWorkflow), id, order);
        await Client.CompletionAsync(id);

        var state = await Client.GetWorkflowStateAsync(id);

        state.Exists.Should().BeTrue();
        state.WorkflowName.Should().Be(nameof(ChainWorkflow));
        state.RuntimeStatus.Should().Be(WorkflowRuntimeStatus.Completed);
        state.ReadInputAs<SampleOrder>().Should().Be(order);
        state.ReadOutputAs<string>().Should().StartWith($"res-{id}|");
    }

    [Fact]
    public async Task GetWorkflowStateAsync_of_an_unknown_instance_does_not_exist()
    {
        var state = await Client.GetWorkflowStateAsync(WorkflowWaits.NewId("unknown"));

        state.Exists.Should().BeFalse();
    }

    [Fact]
    public async Task A_terminated_workflow_stops_waiting_and_reports_Terminated()
    {
        var id = WorkflowWaits.NewId("terminate");
        await Client.ScheduleNewWorkflowAsync(nameof(WaitForGoWorkflow), id, "t");
        await Client.StartAsync(id);

        await Client.TerminateWorkflowAsync(id, "stopped by test");
        var state = await Client.CompletionAsync(id);

        state.RuntimeStatus.Should().Be(WorkflowRuntimeStatus.Terminated);
    }

    [Fact]
    public async Task A_purged_instance_is_gone()
    {
        var id = WorkflowWaits.NewId("purge");
        await Client.ScheduleNewWorkflowAsync(nameof(ChainWorkflow), id, new SampleOrder(id, 1m));
        await Client.CompletionAsync(id);

        var purged = await Client.PurgeInstanceAsync(id);

        purged.Should().BeTrue();
        (await Client.GetWorkflowStateAsync(id)).Exists.Should().BeFalse();
        (await Client.PurgeInstanceAsync(id)).Should().BeFalse();
    }

    [Fact]
    public async Task A_suspended_workflow_reports_Suspended_and_completes_after_resume()
    {
        var id = WorkflowWaits.NewId("suspend");
        await Client.ScheduleNewWorkflowAsync(nameof(WaitForGoWorkflow), id, "s");
        await Client.StartAsync(id);

        await Client.SuspendWorkflowAsync(id, "paused by test");
        await Client.StatusAsync(id, WorkflowRuntimeStatus.Suspended);
        // The engine hands the raised event to the worker in a new episode; only once that episode is saved has the
        // event had its chance to wake the workflow.
        var eventEpisode = new TaskCompletionSource<OrchestrationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Saved(OrchestrationState state)
        {
            if (state.OrchestrationInstance.InstanceId == id)
            {
                eventEpisode.TrySetResult(state);
            }
        }

        Engine.Service.EpisodeCompleted += Saved;
        try
        {
            await Client.RaiseEventAsync(id, "go", "now");
            (await eventEpisode.Task.WaitAsync(TimeSpan.FromSeconds(30))).OrchestrationStatus.Should().Be(OrchestrationStatus.Suspended);
        }
        finally
        {
            Engine.Service.EpisodeCompleted -= Saved;
        }

        (await Client.GetWorkflowStateAsync(id)).RuntimeStatus.Should().Be(WorkflowRuntimeStatus.Suspended);
        await Client.ResumeWorkflowAsync(id, "resumed by test");
        var state = await Client.CompletionAsync(id);

        state.RuntimeStatus.Should().Be(WorkflowRuntimeStatus.Completed);
        state.ReadOutputAs<string>().Should().Be("s:now");
    }

    [Fact]
    public async Task ListInstanceIdsAsync_pages_through_the_apps_instances()
    {
        var ids = new[] { WorkflowWaits.NewId("list"), WorkflowWaits.NewId("list") };
        foreach (var id in ids)
        {
            await Client.ScheduleNewWorkflowAsync(nameof(ChainWorkflow), id, new SampleOrder(id, 1m));
        }

        var pages = await Client.ListAllPagesAsync(pageSize: 1);

        pages.Should().AllSatisfy(page => page.Should().HaveCountLessThanOrEqualTo(1));
        pages.SelectMany(page => page).Should().Contain(ids);
    }

    [Fact]
    public async Task A_continuation_token_the_sidecar_never_issued_is_an_invalid_argument()
    {
        var act = () => Client.ListInstanceIdsAsync("not-a-token");

        (await act.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.InvalidArgument);
    }

    [Fact]
    public async Task Rerun_from_an_event_is_reported_as_unimplemented_by_the_in_memory_engine()
    {
        var act = () => Client.RerunWorkflowFromEventAsync(WorkflowWaits.NewId("rerun"), 0);

        (await act.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.Unimplemented);
    }

    [Fact]
    public async Task Instance_history_is_reported_as_unimplemented_by_the_in_memory_engine()
    {
        var act = () => Client.GetInstanceHistoryAsync(WorkflowWaits.NewId("history"));

        (await act.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.Unimplemented);
    }
}
