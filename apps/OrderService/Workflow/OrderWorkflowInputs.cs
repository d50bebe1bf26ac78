using Microsoft.Extensions.Options;
using OrderPlatform.OrderService;
using OrderPlatform.OrderService.Storage;

namespace OrderPlatform.OrderService.Workflow;

/// <summary>Builds an order's workflow input from the order and the configuration in force when it is created.</summary>
public sealed class OrderWorkflowInputs(IOptions<OrderServiceOptions> orders, IOptionsMonitor<RetrySettingsOptions> retries)
{
    public OrderWorkflowInput For(StoredOrder order, string? paymentToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var settings = orders.Value;
        return new OrderWorkflowInput(
            order.OrderId, order.CustomerId, order.Items, order.Total, order.Currency,
            string.IsNullOrEmpty(paymentToken) ? OrderWorkflowInput.DefaultPaymentToken : paymentToken,
            order.ShippingAddress, settings.ApprovalThreshold, settings.ApprovalTimeout,
            retries.Get(WorkflowRetrySections.Fault).ToSettings(),
            retries.Get(WorkflowRetrySections.Compensation).ToSettings(),
            PublishesCreated: true,
            RecordsInSteps: true);
    }
}
