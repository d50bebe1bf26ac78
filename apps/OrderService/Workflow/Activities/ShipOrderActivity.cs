using Dapr.Workflow;
using OrderPlatform.Contracts.Shipping;
using OrderPlatform.OrderService.Downstream;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.OrderService.Workflow.Activities;

/// <summary>shipping-service <c>ship</c>, idempotent downstream by order id.</summary>
public sealed class ShipOrderActivity(ShippingClient shipping) : WorkflowActivity<ShipmentRequest, ShipmentResult>
{
    public override Task<ShipmentResult> RunAsync(WorkflowActivityContext context, ShipmentRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        OrderTrace.Tag(context.InstanceId); // instance id = order id
        return shipping.ShipAsync(input);
    }
}
