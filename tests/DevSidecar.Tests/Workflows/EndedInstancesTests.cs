using Dapr.Workflow;
using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.Extensions.Logging.Abstractions;
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
    public async Task Events_and_terminations_sent_to_an_ended_instance_are_accepted_and_it_stays_completed()
    {
        // That the engine drops them (rather than queueing them where a later execution of the id would get them):
        // Messages_sent_to_an_ended_instance_never_reach_a_later_execution_of_its_id, where no dispatcher runs.
        var id = await EndedAsync("compact-late", 3m);

        await Client.RaiseEventAsync(id, "go", "late");
        await Client.TerminateWorkflowAsync(id, "too late");
        await Client.SuspendWorkflowAsync(id, "too late");

        (await Client.GetWorkflowStateAsync(id)).RuntimeStatus.Should().Be(WorkflowRuntimeStatus.Completed);
    }

    [Fact]
    public async Task Messages_sent_to_an_ended_instance_never_reach_a_later_execution_of_its_id()
    {
        // The engine's service with no dispatcher or worker: whatever reaches its store stays there to be read. The in-memory
        // store queues a message for an id it no longer holds as new work, so without the drop the next execution of the id
        // would start with the late event, termination and suspension (daprd drops them: the instance has ended).
        using var engines = new WorkflowEngines(NullLoggerFactory.Instance);
        var service = engines.For("orders-app").Service;
        await service.CreateTaskOrchestrationAsync(Started("late", 1));
        var episode = await service.LockNextTaskOrchestrationWorkItemAsync(Wait, CancellationToken.None);
        await EndAsync(service, episode);
        service.EndedCount.Should().Be(1);
        (await service.Inner.GetOrchestrationStateAsync("late", executionId: null)).Should().BeNull("the ended instance left the store");

        await service.SendTaskOrchestrationMessageAsync(Late("late", new EventRaisedEvent(-1, "\"late\"") { Name = "go" }));
        await service.SendTaskOrchestrationMessageAsync(Late("late", new ExecutionSuspendedEvent(-1, "too late")));
        await service.SendTaskOrchestrationMessageBatchAsync(Late("late", new ExecutionResumedEvent(-1, "too late")));
        await service.ForceTerminateTaskOrchestrationAsync("late", "too late");
        await service.CreateTaskOrchestrationAsync(Started("late", 2));

        var next = await service.LockNextTaskOrchestrationWorkItemAsync(Wait, CancellationToken.None);
        next.InstanceId.Should().Be("late");
        next.NewMessages.Select(m => m.Event).Should().ContainSingle()
            .Which.Should().BeOfType<ExecutionStartedEvent>().Which.OrchestrationInstance.ExecutionId.Should().Be("late-2");
    }

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private static TaskMessage Started(string id, int execution)
    {
        var instance = new OrchestrationInstance { InstanceId = id, ExecutionId = $"{id}-{execution}" };
        return new TaskMessage
        {
            OrchestrationInstance = instance,
            Event = new ExecutionStartedEvent(-1, "\"input\"") { Name = "Order", OrchestrationInstance = instance },
        };
    }

    private static TaskMessage Late(string id, HistoryEvent e) => new() { OrchestrationInstance = new OrchestrationInstance { InstanceId = id }, Event = e };

    /// <summary>Saves and releases the episode as the dispatcher does when the worker completed the workflow.</summary>
    private static async Task EndAsync(EngineOrchestrationService<InMemoryOrchestrationService> service, TaskOrchestrationWorkItem episode)
    {
        var state = episode.OrchestrationRuntimeState;
        foreach (var message in episode.NewMessages)
        {
            state.AddEvent(message.Event);
        }

        state.AddEvent(new ExecutionCompletedEvent(0, "\"done\"", OrchestrationStatus.Completed));
        var status = new OrchestrationState
        {
            OrchestrationInstance = state.OrchestrationInstance,
            Name = state.Name,
            OrchestrationStatus = OrchestrationStatus.Completed,
            CreatedTime = state.CreatedTime,
            LastUpdatedTime = DateTime.UtcNow,
        };
        await service.CompleteTaskOrchestrationWorkItemAsync(episode, state, [], [], [], null!, status);
        await service.ReleaseTaskOrchestrationWorkItemAsync(episode);
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
