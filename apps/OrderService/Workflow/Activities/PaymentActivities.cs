using Dapr.Workflow;
using OrderPlatform.Contracts.Payments;
using OrderPlatform.OrderService.Downstream;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.OrderService.Workflow.Activities;

/// <summary>payment-service <c>process-payment</c>, idempotent downstream by order id (a retry never charges twice).</summary>
public sealed class ProcessPaymentActivity(PaymentClient payments) : WorkflowActivity<PaymentRequest, PaymentResult>
{
    public override Task<PaymentResult> RunAsync(WorkflowActivityContext context, PaymentRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        OrderTrace.Tag(context.InstanceId); // instance id = order id
        return payments.ChargeAsync(input);
    }
}

/// <summary>payment-service <c>refund</c> (compensation), idempotent downstream by order id.</summary>
public sealed class RefundPaymentActivity(PaymentClient payments) : WorkflowActivity<RefundRequest, RefundResult>
{
    public override Task<RefundResult> RunAsync(WorkflowActivityContext context, RefundRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        OrderTrace.Tag(context.InstanceId); // instance id = order id
        return payments.RefundAsync(input);
    }
}
