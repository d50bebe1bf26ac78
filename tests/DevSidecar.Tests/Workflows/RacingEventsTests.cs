using Dapr.Workflow;
using OrderPlatform.DevSidecar.Tests.Workflows.Samples;
using OrderPlatform.DevSidecar.Tests.Workflows.Support;

namespace OrderPlatform.DevSidecar.Tests.Workflows;

/// <summary>Two external events and a timer raced with Task.WhenAny, as the order workflow's approval gate does.</summary>
[Collection(WorkflowCollection.Name)]
public sealed class RacingEventsTests(WorkflowFixture fixture)
{
    private DaprWorkflowClient Client => fixture.Orders.Client;

    [Fact]
    public async Task A_decision_raised_while_a_cancellation_and_a_timer_wait_wins_with_its_payload()
    {
        var id = await StartAsync(timeoutMs: 60_000);

        await Client.RaiseEventAsync(id, "decision", new Decision(true, "finance"));

        (await Client.CompletionAsync(id)).ReadOutputAs<string>().Should().Be("decided:True:finance");
    }

    [Fact]
    public async Task A_cancellation_raised_while_a_decision_and_a_timer_wait_wins()
    {
        var id = await StartAsync(timeoutMs: 60_000);

        await Client.RaiseEventAsync(id, "cancel", "customer");

        (await Client.CompletionAsync(id)).ReadOutputAs<string>().Should().Be("cancelled:customer");
    }

    [Fact]
    public async Task The_timer_wins_when_no_event_comes()
    {
        var id = await StartAsync(timeoutMs: 200);

        (await Client.CompletionAsync(id)).ReadOutputAs<string>().Should().Be("timed-out");
    }

    private async Task<string> StartAsync(int timeoutMs)
    {
        var id = WorkflowWaits.NewId("race");
        await Client.ScheduleNewWorkflowAsync(nameof(RacingEventsWorkflow), id, timeoutMs);
        await Client.StartAsync(id);
        return id;
    }
}
