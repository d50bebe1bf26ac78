using Dapr.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OrderPlatform.DevSidecar.Tests.Infrastructure;
using OrderPlatform.DevSidecar.Tests.Workflows.Samples;
using OrderPlatform.DevSidecar.Tests.Workflows.Support;

namespace OrderPlatform.DevSidecar.Tests.Workflows;

/// <summary>
/// The Dapr Configuration's workflow stateRetentionPolicy, seen through Dapr.Workflow: ended instances disappear once
/// their state's retention has passed, others stay. The sweeper's clock is faked; the engine runs in real time.
/// </summary>
public sealed class RetentionPolicyTests : IAsyncLifetime
{
    private const string App = "retention-app";
    private readonly FakeTimeProvider clock = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private SidecarTestHost sidecar = null!;
    private WorkflowApp app = null!;

    private DaprWorkflowClient Client => app.Client;

    public async Task InitializeAsync()
    {
        sidecar = await SidecarTestHost.StartAsync(o =>
        {
            o.AddApp(App);
            o.ConfigFile = o.WriteResource("appconfig.yaml", TestComponents.RetentionConfiguration("completed: 1m", "terminated: 10m"));
            o.ConfigureBuilder = b => b.Services.AddSingleton<TimeProvider>(clock);
        });
        app = await WorkflowApp.StartAsync(sidecar.GrpcEndpoint(App), o =>
        {
            o.RegisterWorkflow<ChainWorkflow>();
            o.RegisterWorkflow<WaitForGoWorkflow>();
            o.RegisterActivity<ReserveActivity>();
            o.RegisterActivity<ChargeActivity>();
            o.RegisterActivity<ShipActivity>();
        });
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await sidecar.DisposeAsync();
    }

    [Fact]
    public async Task A_completed_instance_is_purged_once_its_retention_has_passed()
    {
        var id = await RunToEndAsync(new SampleOrder(WorkflowWaits.NewId("kept-1m"), 5m), WorkflowRuntimeStatus.Completed);

        clock.Advance(TimeSpan.FromSeconds(59));
        (await Client.GetWorkflowStateAsync(id)).Exists.Should().BeTrue("one minute has not passed yet");

        clock.Advance(TimeSpan.FromSeconds(2));
        (await GoneAsync(id)).Should().BeTrue("the completed retention (1m) has passed");
    }

    [Fact]
    public async Task A_failed_instance_is_kept_when_neither_failed_nor_anyTerminal_is_set()
    {
        var failed = await RunToEndAsync(new SampleOrder(WorkflowWaits.NewId("failed"), 5000m), WorkflowRuntimeStatus.Failed);
        var completed = await RunToEndAsync(new SampleOrder(WorkflowWaits.NewId("done"), 5m), WorkflowRuntimeStatus.Completed);

        clock.Advance(TimeSpan.FromHours(1));

        (await GoneAsync(completed)).Should().BeTrue();
        (await Client.GetWorkflowStateAsync(failed)).Exists.Should().BeTrue();
    }

    [Fact]
    public async Task Running_instances_are_never_purged_and_terminated_ones_follow_their_own_retention()
    {
        var waiting = WorkflowWaits.NewId("waiting");
        var stopped = WorkflowWaits.NewId("stopped");
        await Client.ScheduleNewWorkflowAsync(nameof(WaitForGoWorkflow), waiting, "w");
        await Client.ScheduleNewWorkflowAsync(nameof(WaitForGoWorkflow), stopped, "s");
        await Client.StartAsync(stopped);
        await Client.TerminateWorkflowAsync(stopped, "stopped by test");
        await Client.CompletionAsync(stopped);

        clock.Advance(TimeSpan.FromMinutes(5));
        (await Client.GetWorkflowStateAsync(stopped)).Exists.Should().BeTrue("terminated instances are kept 10m");

        clock.Advance(TimeSpan.FromMinutes(6));
        (await GoneAsync(stopped)).Should().BeTrue();
        (await Client.GetWorkflowStateAsync(waiting)).RuntimeStatus.Should().Be(WorkflowRuntimeStatus.Running);
    }

    private async Task<string> RunToEndAsync(SampleOrder order, WorkflowRuntimeStatus expected)
    {
        await Client.ScheduleNewWorkflowAsync(nameof(ChainWorkflow), order.Id, order);
        (await Client.CompletionAsync(order.Id)).RuntimeStatus.Should().Be(expected);
        return order.Id;
    }

    /// <summary>The sweep runs on the (fake) timer asynchronously: poll briefly for the instance to disappear.</summary>
    private async Task<bool> GoneAsync(string id)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (!(await Client.GetWorkflowStateAsync(id)).Exists)
            {
                return true;
            }

            await Task.Delay(25);
        }

        return false;
    }
}
