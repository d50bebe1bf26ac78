using Dapr.Workflow;
using OrderPlatform.DevSidecar.Tests.Workflows.Support;

namespace OrderPlatform.DevSidecar.Tests.Workflows.Samples;

public sealed record SampleOrder(string Id, decimal Amount);

internal sealed class ReserveActivity(ActivityJournal journal) : WorkflowActivity<SampleOrder, string>
{
    public override Task<string> RunAsync(WorkflowActivityContext context, SampleOrder input)
    {
        journal.Add($"reserve {input.Id}");
        return Task.FromResult($"res-{input.Id}");
    }
}

internal sealed class ChargeActivity(ActivityJournal journal) : WorkflowActivity<SampleOrder, string>
{
    public override Task<string> RunAsync(WorkflowActivityContext context, SampleOrder input)
    {
        journal.Add($"charge {input.Id}");
        return input.Amount > 1000
            ? throw new InvalidOperationException($"payment declined for {input.Id}")
            : Task.FromResult($"pay-{input.Id}");
    }
}

internal sealed class ReleaseActivity(ActivityJournal journal) : WorkflowActivity<string, string>
{
    public override Task<string> RunAsync(WorkflowActivityContext context, string input)
    {
        journal.Add($"release {input}");
        return Task.FromResult($"released-{input}");
    }
}

internal sealed class ShipActivity(ActivityJournal journal) : WorkflowActivity<SampleOrder, string>
{
    public override Task<string> RunAsync(WorkflowActivityContext context, SampleOrder input)
    {
        journal.Add($"ship {input.Id}");
        return Task.FromResult($"ship-{input.Id}");
    }
}
