using Dapr.Workflow;
using OrderPlatform.DevSidecar.Tests.Workflows.Samples;
using OrderPlatform.DevSidecar.Tests.Workflows.Support;
using OrderPlatform.DevSidecar.Workflows.Engine;

namespace OrderPlatform.DevSidecar.Tests.Workflows;

/// <summary>
/// An ended instance leaves the engine's store (its history is dropped) and is served from its status record: the
/// SDK sees the same state, events and terminations are ignored, and the id can be scheduled again.
/// </summary>
[Collection(WorkflowCollection.Name)]
public sealed class EndedInstancesTests(WorkflowFixture fixture)
{
    private DaprWorkflowClient Client => fixture.Orders.Client;

    private WorkflowEngine Engine => fixture.Sidecar.GetRequiredService<WorkflowEngines>().For(WorkflowFixture.OrdersApp);

    [Fact]
    public async Task A_completed_instance_keeps_only_its_status_record_and_reads_the_same()
    {
        var id = await EndedAsync("compact", 7m);

        var state = await Client.GetWorkflowStateAsync(id);
        state.RuntimeStatus.Should().Be(WorkflowRuntimeStatus.Completed);
        state.ReadInputAs<SampleOrder>().Should().Be(new SampleOrder(id, 7m));
        state.ReadOutputAs<string>().Should().StartWith($"res-{id}|");
        (await Client.WaitForWorkflowCompletionAsync(id)).RuntimeStatus.Should().Be(WorkflowRuntimeStatus.Completed);
        (await ListAllAsync()).Should().Contain(id);
    }

    [Fact]
    public async Task A_failed_instance_keeps_its_failure_details()
    {
        var id = await EndedAsync("compact-failed", 5000m);

        var state = await Client.GetWorkflowStateAsync(id);
        state.RuntimeStatus.Should().Be(WorkflowRuntimeStatus.Failed);
        state.FailureDetails!.ErrorMessage.Should().Contain("payment declined");
    }

    [Fact]
    public async Task Events_and_terminations_sent_to_an_ended_instance_change_nothing()
    {
        var id = await EndedAsync("compact-late", 3m);

        await Client.RaiseEventAsync(id, "go", "late");
        await Client.TerminateWorkflowAsync(id, "too late");
        await Client.SuspendWorkflowAsync(id, "too late");

        (await Client.GetWorkflowStateAsync(id)).RuntimeStatus.Should().Be(WorkflowRuntimeStatus.Completed);
        (await Engine.Service.Inner.GetOrchestrationStateAsync(id, executionId: null)).Should().BeNull("nothing brought it back");
    }

    [Fact]
    public async Task An_ended_instance_id_can_be_scheduled_again_as_a_new_execution()
    {
        var id = await EndedAsync("compact-again", 5000m);

        await Client.ScheduleNewWorkflowAsync(nameof(ChainWorkflow), id, new SampleOrder(id, 9m));
        var state = await Client.CompletionAsync(id);

        state.RuntimeStatus.Should().Be(WorkflowRuntimeStatus.Completed);
        state.ReadInputAs<SampleOrder>()!.Amount.Should().Be(9m);
    }

    [Fact]
    public async Task Purging_an_ended_instance_removes_its_status_record()
    {
        var id = await EndedAsync("compact-purge", 2m);

        (await Client.PurgeInstanceAsync(id)).Should().BeTrue();

        (await Client.GetWorkflowStateAsync(id)).Exists.Should().BeFalse();
        (await ListAllAsync()).Should().NotContain(id);
    }

    /// <summary>Runs <see cref="ChainWorkflow"/> for an order of <paramref name="amount"/> (over 1000 fails it) to its end,
    /// then waits until the instance has left the engine's store; returns its id.</summary>
    private async Task<string> EndedAsync(string prefix, decimal amount)
    {
        var id = WorkflowWaits.NewId(prefix);
        await Client.ScheduleNewWorkflowAsync(nameof(ChainWorkflow), id, new SampleOrder(id, amount));
        await Client.CompletionAsync(id);
        (await LeftTheEngineStoreAsync(id)).Should().BeTrue("the history of an ended instance is dropped");
        return id;
    }

    /// <summary>The move happens when the ending episode is released, just after the SDK sees completion.</summary>
    private async Task<bool> LeftTheEngineStoreAsync(string id)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (await Engine.Service.Inner.GetOrchestrationStateAsync(id, executionId: null) is null)
            {
                return true;
            }

            await Task.Delay(25);
        }

        return false;
    }

    private async Task<List<string>> ListAllAsync() => [.. (await Client.ListAllPagesAsync(pageSize: 50)).SelectMany(page => page)];
}
