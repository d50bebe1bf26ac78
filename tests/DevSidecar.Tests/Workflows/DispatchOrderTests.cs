using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.Extensions.Logging.Abstractions;
using OrderPlatform.DevSidecar.Workflows.Engine;

namespace OrderPlatform.DevSidecar.Tests.Workflows;

/// <summary>
/// The order in which the engine hands out work, read where the dispatchers read it (no worker connected, so nothing
/// else takes it). daprd hands out work in the order it became ready, whichever instance it belongs to: each workflow
/// actor's turn blocks on one unbuffered channel that the work-item stream reads in turn, so an instance started long
/// ago whose next step became ready after newer instances started waits behind their first steps. The dev sidecar
/// must not favour older instances either, or a backlog would drain here as it never does under daprd.
/// </summary>
public sealed class DispatchOrderTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task An_older_instance_whose_next_step_became_ready_later_waits_behind_newer_instances()
    {
        using var engines = new WorkflowEngines(NullLoggerFactory.Instance);
        var service = engines.For("orders-app").Service;
        await service.CreateTaskOrchestrationAsync(Started("old"));
        var firstStep = await service.LockNextTaskOrchestrationWorkItemAsync(Wait, CancellationToken.None);
        firstStep.InstanceId.Should().Be("old");

        await service.CreateTaskOrchestrationAsync(Started("new-1"));
        await service.CreateTaskOrchestrationAsync(Started("new-2"));
        await SaveEpisodeAsync(service, firstStep, scheduling: null);
        await service.SendTaskOrchestrationMessageAsync(Raised("old"));

        var order = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            order.Add((await service.LockNextTaskOrchestrationWorkItemAsync(Wait, CancellationToken.None)).InstanceId);
        }

        // Readiness order, as dapr/durabletask-go backend/executor.go (ExecuteOrchestrator sends on the unbuffered
        // workItemQueue, GetWorkItems receives in turn) behind dapr/dapr pkg/runtime/wfengine/backends/actors/backend.go.
        order.Should().Equal("new-1", "new-2", "old");
    }

    [Fact]
    public async Task Activities_are_handed_out_in_the_order_they_were_scheduled()
    {
        using var engines = new WorkflowEngines(NullLoggerFactory.Instance);
        var service = engines.For("orders-app").Service;
        await service.CreateTaskOrchestrationAsync(Started("old"));
        await service.CreateTaskOrchestrationAsync(Started("new"));
        var oldEpisode = await service.LockNextTaskOrchestrationWorkItemAsync(Wait, CancellationToken.None);
        var newEpisode = await service.LockNextTaskOrchestrationWorkItemAsync(Wait, CancellationToken.None);

        // The newer instance's episode finishes first: its activity is ready first and goes out first.
        await SaveEpisodeAsync(service, newEpisode, scheduling: "Reserve");
        await SaveEpisodeAsync(service, oldEpisode, scheduling: "Reserve");

        var first = await service.LockNextTaskActivityWorkItem(Wait, CancellationToken.None);
        var second = await service.LockNextTaskActivityWorkItem(Wait, CancellationToken.None);
        // Same executor.go: ExecuteActivity sends on the same queue when the activity actor runs it.
        new[] { first.TaskMessage.OrchestrationInstance.InstanceId, second.TaskMessage.OrchestrationInstance.InstanceId }
            .Should().Equal("new", "old");
    }

    /// <summary>Saves and releases an episode as the dispatcher does once the worker answered, optionally scheduling an activity.</summary>
    private static async Task SaveEpisodeAsync(
        EngineOrchestrationService<Microsoft.DurableTask.Testing.Sidecar.InMemoryOrchestrationService> service,
        TaskOrchestrationWorkItem episode, string? scheduling)
    {
        var state = episode.OrchestrationRuntimeState;
        foreach (var message in episode.NewMessages)
        {
            state.AddEvent(message.Event);
        }

        var instance = state.OrchestrationInstance!;
        List<TaskMessage> outbound = [];
        if (scheduling is not null)
        {
            var scheduled = new TaskScheduledEvent(0, scheduling);
            state.AddEvent(scheduled);
            outbound.Add(new TaskMessage { OrchestrationInstance = instance, Event = scheduled });
        }

        var status = new OrchestrationState
        {
            OrchestrationInstance = instance,
            Name = state.Name,
            OrchestrationStatus = OrchestrationStatus.Running,
            CreatedTime = state.CreatedTime,
            LastUpdatedTime = DateTime.UtcNow,
        };
        await service.CompleteTaskOrchestrationWorkItemAsync(episode, state, outbound, [], [], null!, status);
        await service.ReleaseTaskOrchestrationWorkItemAsync(episode);
    }

    private static TaskMessage Started(string id)
    {
        var instance = new OrchestrationInstance { InstanceId = id, ExecutionId = id + "-1" };
        return new TaskMessage
        {
            OrchestrationInstance = instance,
            Event = new ExecutionStartedEvent(-1, "\"input\"") { Name = "Order", OrchestrationInstance = instance },
        };
    }

    private static TaskMessage Raised(string id) => new()
    {
        OrchestrationInstance = new OrchestrationInstance { InstanceId = id, ExecutionId = id + "-1" },
        Event = new EventRaisedEvent(-1, "\"go\"") { Name = "go" },
    };
}
