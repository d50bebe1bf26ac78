using Dapr.Workflow;
using OrderPlatform.DevSidecar.Tests.Workflows.Samples;
using OrderPlatform.DevSidecar.Tests.Workflows.Support;

namespace OrderPlatform.DevSidecar.Tests.Workflows;

/// <summary>Each app-id gets its own engine: instances, work items and names never cross apps.</summary>
[Collection(WorkflowCollection.Name)]
public sealed class WorkflowIsolationTests(WorkflowFixture fixture)
{
    [Fact]
    public async Task The_same_instance_id_in_two_apps_runs_each_apps_own_workflow()
    {
        var id = WorkflowWaits.NewId("identify");
        await fixture.Orders.Client.ScheduleNewWorkflowAsync("Identify", id, "x");
        await fixture.Billing.Client.ScheduleNewWorkflowAsync("Identify", id, "x");

        (await fixture.Orders.Client.CompletionAsync(id)).ReadOutputAs<string>().Should().Be("orders-app:x");
        (await fixture.Billing.Client.CompletionAsync(id)).ReadOutputAs<string>().Should().Be("billing-app:x");
    }

    [Fact]
    public async Task An_instance_of_one_app_is_invisible_to_another()
    {
        var id = WorkflowWaits.NewId("hidden");
        await fixture.Orders.Client.ScheduleNewWorkflowAsync(nameof(WaitForGoWorkflow), id, "o");
        await fixture.Orders.Client.StartAsync(id);

        (await fixture.Billing.Client.GetWorkflowStateAsync(id)).Exists.Should().BeFalse();
        (await fixture.Orders.Client.GetWorkflowStateAsync(id)).RuntimeStatus.Should().Be(WorkflowRuntimeStatus.Running);

        await fixture.Orders.Client.RaiseEventAsync(id, "go", "done");
        (await fixture.Orders.Client.CompletionAsync(id)).ReadOutputAs<string>().Should().Be("o:done");
    }

    [Fact]
    public async Task Calls_are_recorded_per_app_id()
    {
        var id = WorkflowWaits.NewId("recorded");
        await fixture.Billing.Client.ScheduleNewWorkflowAsync("Identify", id, "r");
        await fixture.Billing.Client.CompletionAsync(id);

        var calls = fixture.Calls.Snapshot();

        calls[WorkflowFixture.BillingApp].Should().ContainKeys(
            "workflow.schedule", "workflow.wait-completion", "workflow.workflow-complete");
        calls[WorkflowFixture.BillingApp]["workflow.schedule"].Should().BeGreaterThan(0);
    }
}
