using Dapr.Workflow;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.OrderService.Downstream;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.OrderService.Workflow.Activities;

/// <summary>inventory-service <c>check-stock</c>: unknown products and shortages come back as <c>Available = false</c>.</summary>
public sealed class CheckStockActivity(InventoryClient inventory) : WorkflowActivity<CheckStockRequest, CheckStockResponse>
{
    public override Task<CheckStockResponse> RunAsync(WorkflowActivityContext context, CheckStockRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        OrderTrace.Tag(context.InstanceId); // instance id = order id
        return inventory.CheckStockAsync(input);
    }
}

/// <summary>inventory-service <c>reserve</c>, idempotent downstream by reservation id (= order id).</summary>
public sealed class ReserveStockActivity(InventoryClient inventory) : WorkflowActivity<ReserveStockRequest, ReservationResult>
{
    public override Task<ReservationResult> RunAsync(WorkflowActivityContext context, ReserveStockRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        OrderTrace.Tag(context.InstanceId); // instance id = order id
        return inventory.ReserveAsync(input);
    }
}

/// <summary>inventory-service <c>release</c> (compensation), idempotent downstream.</summary>
public sealed class ReleaseStockActivity(InventoryClient inventory) : WorkflowActivity<ReleaseStockRequest, ReservationResult>
{
    public override Task<ReservationResult> RunAsync(WorkflowActivityContext context, ReleaseStockRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        OrderTrace.Tag(context.InstanceId); // instance id = order id
        return inventory.ReleaseAsync(input);
    }
}

/// <summary>inventory-service <c>commit</c> once the order shipped (the reserved units leave the warehouse), idempotent downstream.</summary>
public sealed class CommitStockActivity(InventoryClient inventory) : WorkflowActivity<CommitStockRequest, ReservationResult>
{
    public override Task<ReservationResult> RunAsync(WorkflowActivityContext context, CommitStockRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        OrderTrace.Tag(context.InstanceId); // instance id = order id
        return inventory.CommitAsync(input);
    }
}
