using Dapr.Workflow;
using OrderPlatform.DevSidecar.Tests.Workflows.Samples;
using OrderPlatform.DevSidecar.Tests.Workflows.Support;

namespace OrderPlatform.DevSidecar.Tests.Workflows;

/// <summary>
/// The engine hands out many work items at once. Durable Task's in-memory service alone allows one per core, so on a
/// 2-core machine these activities, which wait for each other, would never all be running together.
/// </summary>
[Collection(WorkflowCollection.Name)]
public sealed class ConcurrencyTests(WorkflowFixture fixture)
{
    private DaprWorkflowClient Client => fixture.Orders.Client;

    [Fact]
    public async Task Activities_of_many_workflows_run_at_the_same_time()
    {
        RendezvousActivity.Reset();
        var ids = Enumerable.Range(0, RendezvousActivity.Parties).Select(i => WorkflowWaits.NewId($"meet{i}")).ToList();

        foreach (var id in ids)
        {
            await Client.ScheduleNewWorkflowAsync(nameof(RendezvousWorkflow), id, id);
        }

        var states = await Task.WhenAll(ids.Select(id => Client.CompletionAsync(id)));

        states.Select(s => s.ReadOutputAs<string>()).Should().Equal(ids.Select(id => "met:" + id));
    }
}
