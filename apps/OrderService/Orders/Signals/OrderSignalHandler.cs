using System.Security.Claims;
using Dapr.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Auth;
using OrderPlatform.OrderService.Storage;
using OrderPlatform.OrderService.Workflow;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.OrderService.Orders.Signals;

/// <summary>
/// The outcome of a cancel/approve request: the order when the event was raised, else not found, forbidden or a conflict.
/// </summary>
public sealed record SignalOutcome(StoredOrder? Order, bool Found, string? Conflict, string? Forbidden = null)
{
    /// <summary>202 + the order when the event was raised, else 404, 403 or 409 ProblemDetails.</summary>
    internal Results<Accepted<OrderView>, ProblemHttpResult> ToResult(string id) => this switch
    {
        { Order: { } order } => TypedResults.Accepted(ApiProblems.Location(order.OrderId), OrderView.From(order)),
        { Found: false } => ApiProblems.NotFound(id),
        { Forbidden: { } forbidden } => ApiProblems.Forbidden(forbidden),
        // The handler gives every outcome that is found, not forbidden and has no order its conflict text.
        _ => ApiProblems.Conflict(Conflict!),
    };
}

/// <summary>Raises the workflow's external events after checking the order is in a state that accepts them.</summary>
public sealed class OrderSignalHandler(OrderRepository orders, IDaprWorkflowClient workflows)
{
    public const string DefaultCancelReason = "cancelled at the customer's request";

    /// <summary>Once shipped (or finished) an order can no longer be cancelled.</summary>
    public static bool IsCancellable(OrderStatus status) =>
        status is not (OrderStatus.Shipped or OrderStatus.Completed or OrderStatus.Failed or OrderStatus.Cancelled);

    /// <summary>Another customer's order is not found (operators cancel any).</summary>
    public async Task<SignalOutcome> CancelAsync(string orderId, string? reason, ClaimsPrincipal caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var order = await TracedAsync(orderId, ct);
        if (order is not null && !caller.MayAccess(order.CustomerId))
        {
            return new SignalOutcome(null, false, null);
        }

        if (order is null || !IsCancellable(order.Status))
        {
            return new SignalOutcome(null, order is not null, $"Order '{orderId}' is {order?.Status} and can no longer be cancelled.");
        }

        var signal = new CancelOrderSignal(string.IsNullOrWhiteSpace(reason) ? DefaultCancelReason : reason);
        await workflows.RaiseEventAsync(orderId, OrderWorkflowEvents.CancelOrder, signal, ct);
        return new SignalOutcome(order, true, null);
    }

    /// <summary>The caller (an operator: the route's policy) is the approver; an order's own customer never approves it.</summary>
    public async Task<SignalOutcome> ApproveAsync(string orderId, ApprovalRequest request, ClaimsPrincipal approver, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(approver);
        var order = await TracedAsync(orderId, ct);
        if (order is not null && string.Equals(order.CustomerId, approver.CallerId(), StringComparison.Ordinal))
        {
            return new SignalOutcome(null, true, null, "The customer who placed an order cannot approve it.");
        }

        if (order is null || order.Status != OrderStatus.AwaitingApproval)
        {
            return new SignalOutcome(null, order is not null, $"Order '{orderId}' is {order?.Status}, not AwaitingApproval.");
        }

        var decision = new ApprovalDecision(request.Approved ?? false, approver.CallerId(), request.Reason);
        await workflows.RaiseEventAsync(orderId, OrderWorkflowEvents.ApprovalDecision, decision, ct);
        return new SignalOutcome(order, true, null);
    }

    /// <summary>
    /// The order, with the signal's span tagged and linked to the trace that created it: a raised event carries no
    /// trace context to the workflow in either Durable Task protocol, so the link is what joins the two traces.
    /// </summary>
    private async Task<StoredOrder?> TracedAsync(string orderId, CancellationToken ct)
    {
        OrderTrace.Tag(orderId);
        var order = await orders.GetAsync(orderId, ct);
        OrderTrace.LinkTo(order?.TraceParent);
        return order;
    }
}
