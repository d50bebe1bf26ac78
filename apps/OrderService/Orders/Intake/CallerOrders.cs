using OrderPlatform.Contracts.Orders;

namespace OrderPlatform.OrderService.Orders.Intake;

/// <summary>A create request as the caller's own: the customer is the caller, whatever the body leaves out.</summary>
public static class CallerOrders
{
    /// <summary>The request with <c>customerId</c> = <paramref name="callerId"/>; null when the body names someone else.</summary>
    public static CreateOrderRequest? ForCaller(CreateOrderRequest request, string callerId)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.CustomerId is null || string.Equals(request.CustomerId, callerId, StringComparison.Ordinal)
            ? request with { CustomerId = callerId }
            : null;
    }
}
