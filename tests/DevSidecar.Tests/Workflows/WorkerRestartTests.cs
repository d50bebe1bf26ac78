using Dapr.Workflow;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.DevSidecar.Telemetry;
using OrderPlatform.DevSidecar.Tests.Workflows.Samples;
using OrderPlatform.DevSidecar.Tests.Workflows.Support;
using D = Dapr.DurableTask.Protobuf;

namespace OrderPlatform.DevSidecar.Tests.Workflows;

/// <summary>
/// A worker that leaves (killed, or stopped mid-work) does not take its work items with it: every work item it had
/// not completed goes back to the queue and the next worker to connect gets it, as daprd re-dispatches a
/// disconnected stream's in-flight items. Each test has its own sidecar, so its workers are the app's only ones.
/// "A worker that died" is a raw work-item stream that reads one item and drops the call.
/// </summary>
public sealed class WorkerRestartTests : IAsyncLifetime
{
    private const string App = "restart-app";
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private readonly ActivityGate gate = new();
    private SidecarTestHost sidecar = null!;

    private Uri Endpoint => sidecar.GrpcEndpoint(App);

    public async Task InitializeAsync() => sidecar = await SidecarTestHost.StartAsync(o => o.AddApp(App));

    public async Task DisposeAsync()
    {
        gate.Dispose();
        await sidecar.DisposeAsync();
    }

    // Mirrors: dapr/dapr tests/integration/suite/daprd/workflow/reconnect/deactivate/orchestrator.go
    [Fact]
    public async Task A_workflow_work_item_taken_by_a_worker_that_died_goes_to_the_next_worker()
    {
        var id = WorkflowWaits.NewId("died-orchestrating");
        await using (var client = await WorkflowApp.StartClientAsync(Endpoint))
        {
            await client.Client.ScheduleNewWorkflowAsync(nameof(ChainWorkflow), id, new SampleOrder(id, 10m));
        }

        var taken = await TakeOneAndDieAsync();
        taken.WorkflowRequest.InstanceId.Should().Be(id);
        await WorkerStreamsEndedAsync(1);

        await using var next = await StartWorkerAsync();
        var state = await next.Client.CompletionAsync(id);

        state.RuntimeStatus.Should().Be(WorkflowRuntimeStatus.Completed, state.FailureDetails?.ToString());
        state.ReadOutputAs<string>().Should().Be($"res-{id}|pay-{id}|ship-{id}");
    }

    // Mirrors: dapr/dapr tests/integration/suite/daprd/workflow/reconnect/deactivate/activity.go
    [Fact]
    public async Task Activities_running_on_a_worker_that_stopped_run_again_on_the_next_worker()
    {
        var id = WorkflowWaits.NewId("stopped-mid-activity");
        var first = await StartWorkerAsync();
        await first.Client.ScheduleNewWorkflowAsync(nameof(GatedWorkflow), id, id);
        await gate.AllHeld.WaitAsync(Guard);
        await first.DisposeAsync();
        await WorkerStreamsEndedAsync(1);

        await using var next = await StartWorkerAsync();
        var state = await next.Client.CompletionAsync(id);

        state.RuntimeStatus.Should().Be(WorkflowRuntimeStatus.Completed, state.FailureDetails?.ToString());
        state.ReadOutputAs<string>().Should().Be($"done-{id}-1|done-{id}-2");
        gate.Runs.Should().Be(2 * ActivityGate.Held, "each activity ran once on each worker");
    }

    // Mirrors: dapr/dapr tests/integration/suite/daprd/workflow/reconnect/deactivate/raiseevent.go
    [Fact]
    public async Task An_external_event_raised_while_no_worker_is_connected_survives_a_worker_that_died_with_it()
    {
        var id = WorkflowWaits.NewId("event-while-away");
        await using (var first = await StartWorkerAsync())
        {
            await first.Client.ScheduleNewWorkflowAsync(nameof(WaitForGoWorkflow), id, "waited");
            await first.Client.StartAsync(id);
        }

        await WorkerStreamsEndedAsync(1);
        await using (var client = await WorkflowApp.StartClientAsync(Endpoint))
        {
            await client.Client.RaiseEventAsync(id, "go", "raised");
        }

        var taken = await TakeOneAndDieAsync();
        taken.WorkflowRequest.NewEvents.Should().Contain(e => e.EventRaised != null && e.EventRaised.Name == "go");
        await WorkerStreamsEndedAsync(2);

        await using var next = await StartWorkerAsync();
        var state = await next.Client.CompletionAsync(id);

        state.ReadOutputAs<string>().Should().Be("waited:raised");
    }

    // Mirrors: dapr/dapr tests/integration/suite/daprd/workflow/reconnect/reconnect.go
    [Fact]
    public async Task A_timer_that_fired_while_no_worker_was_connected_survives_a_worker_that_died_with_it()
    {
        var id = WorkflowWaits.NewId("timer-while-away");
        await using (var first = await StartWorkerAsync())
        {
            // Long enough to outlast this worker (the engine reports the start up to 500 ms late).
            await first.Client.ScheduleNewWorkflowAsync(nameof(TimerWorkflow), id, 3000);
            await first.Client.StartAsync(id);
        }

        await WorkerStreamsEndedAsync(1);
        var taken = await TakeOneAndDieAsync();
        taken.WorkflowRequest.NewEvents.Should().Contain(e => e.TimerFired != null);
        await WorkerStreamsEndedAsync(2);

        await using var next = await StartWorkerAsync();
        var state = await next.Client.CompletionAsync(id);

        state.ReadOutputAs<string>().Should().Be("timer-fired");
    }

    private Task<WorkflowApp> StartWorkerAsync() => WorkflowApp.StartAsync(Endpoint, o =>
    {
        o.RegisterWorkflow<ChainWorkflow>();
        o.RegisterActivity<ReserveActivity>();
        o.RegisterActivity<ChargeActivity>();
        o.RegisterActivity<ShipActivity>();
        o.RegisterWorkflow<GatedWorkflow>();
        o.RegisterActivity<GatedActivity>();
        o.RegisterWorkflow<WaitForGoWorkflow>();
        o.RegisterWorkflow<TimerWorkflow>();
    }, services: s => s.AddSingleton(gate));

    /// <summary>A worker killed with a work item in hand: opens the stream, reads one work item, drops the call.</summary>
    private async Task<D.WorkItem> TakeOneAndDieAsync()
    {
        using var channel = GrpcChannel.ForAddress(Endpoint);
        var client = new D.TaskHubSidecarService.TaskHubSidecarServiceClient(channel);
        using var cts = new CancellationTokenSource(Guard);
        using var call = client.GetWorkItems(new D.GetWorkItemsRequest(), cancellationToken: cts.Token);
        (await call.ResponseStream.MoveNext(cts.Token)).Should().BeTrue();
        return call.ResponseStream.Current;
    }

    /// <summary>Waits until the sidecar has finished with that many work-item streams (each is recorded when it ends).</summary>
    private async Task WorkerStreamsEndedAsync(long count)
    {
        using var cts = new CancellationTokenSource(Guard);
        var calls = sidecar.GetRequiredService<CallRecorder>();
        while (!(calls.Snapshot().TryGetValue(App, out var apis) && apis.TryGetValue("workflow.work-items", out var ended) && ended >= count))
        {
            await Task.Delay(20, cts.Token);
        }
    }
}
