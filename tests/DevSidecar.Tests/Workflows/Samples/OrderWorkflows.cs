using Dapr.Workflow;

namespace OrderPlatform.DevSidecar.Tests.Workflows.Samples;

/// <summary>Reserve → charge → ship, each activity's output feeding the result.</summary>
internal sealed class ChainWorkflow : Workflow<SampleOrder, string>
{
    public override async Task<string> RunAsync(WorkflowContext context, SampleOrder input)
    {
        var reservation = await context.CallActivityAsync<string>(nameof(ReserveActivity), input);
        var payment = await context.CallActivityAsync<string>(nameof(ChargeActivity), input);
        var shipment = await context.CallActivityAsync<string>(nameof(ShipActivity), input);
        return $"{reservation}|{payment}|{shipment}";
    }
}

/// <summary>When the charge fails, the reservation is released and the workflow completes compensated.</summary>
internal sealed class CompensatingWorkflow : Workflow<SampleOrder, string>
{
    public override async Task<string> RunAsync(WorkflowContext context, SampleOrder input)
    {
        var reservation = await context.CallActivityAsync<string>(nameof(ReserveActivity), input);
        try
        {
            return "paid:" + await context.CallActivityAsync<string>(nameof(ChargeActivity), input);
        }
        catch (WorkflowTaskFailedException e)
        {
            var released = await context.CallActivityAsync<string>(nameof(ReleaseActivity), reservation);
            return $"compensated:{released}:{e.FailureDetails.ErrorMessage}";
        }
    }
}

/// <summary>A parent that hands shipping to a child workflow.</summary>
internal sealed class ParentWorkflow : Workflow<SampleOrder, string>
{
    public override async Task<string> RunAsync(WorkflowContext context, SampleOrder input) =>
        "parent:" + await context.CallChildWorkflowAsync<string>(nameof(ChildWorkflow), input);
}

internal sealed class ChildWorkflow : Workflow<SampleOrder, string>
{
    public override async Task<string> RunAsync(WorkflowContext context, SampleOrder input) =>
        "child:" + await context.CallActivityAsync<string>(nameof(ShipActivity), input);
}
