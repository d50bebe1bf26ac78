using Dapr.Workflow;
using Microsoft.Extensions.Options;
using OrderPlatform.Contracts.Events;
using OrderPlatform.OrderService.Events;
using OrderPlatform.OrderService.Storage;
using OrderPlatform.OrderService.Workflow;

namespace OrderPlatform.OrderService.Orders.Create;

/// <summary>Starts a saved order: schedules its workflow (instance id = order id) and publishes <c>order_created</c>.</summary>
public sealed class OrderStarter(IDaprWorkflowClient workflows, OrderEventPublisher events, IOptions<OrdersOptions> options)
{
    public async Task StartAsync(StoredOrder order, string? paymentToken, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var settings = options.Value;
        var input = new OrderWorkflowInput(
            order.OrderId, order.CustomerId, order.Items, order.Total, order.Currency,
            string.IsNullOrEmpty(paymentToken) ? OrderWorkflowInput.DefaultPaymentToken : paymentToken,
            order.ShippingAddress, settings.ApprovalThreshold, settings.ApprovalTimeout);
        await workflows.ScheduleNewWorkflowAsync(nameof(OrderWorkflow), order.OrderId, input);
        await events.PublishAsync(order, OrderEventTypes.Created, order.CreatedAt, "order received", ct);
    }
}
