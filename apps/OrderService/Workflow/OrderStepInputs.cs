using OrderPlatform.Contracts.Inventory;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.Contracts.Payments;
using OrderPlatform.Contracts.Shipping;

namespace OrderPlatform.OrderService.Workflow;

/// <summary>
/// What a step activity records besides its downstream call: the order, the workflow's time (from the context, so a
/// replay schedules the same input) and whether it is the order's first step, which publishes <c>order_created</c>.
/// </summary>
public sealed record StepRecording(string OrderId, DateTimeOffset At, bool PublishesCreated = false)
{
    public OrderStatusUpdate Update(
        OrderStatus status, string detail, string? eventType = null, string? paymentId = null, string? trackingNumber = null) =>
        new(OrderId, status, At, detail, eventType, paymentId, trackingNumber);
}

/// <summary>check-stock for an order that waits for approval; <paramref name="WhenAvailable"/> is recorded when the stock is there.</summary>
public sealed record CheckStockStep(CheckStockRequest Request, StepRecording Recording, OrderStatusUpdate? WhenAvailable);

public sealed record ReserveStockStep(ReserveStockRequest Request, StepRecording Recording);

public sealed record ProcessPaymentStep(PaymentRequest Request, StepRecording Recording);

public sealed record ShipOrderStep(ShipmentRequest Request, StepRecording Recording);

/// <summary>The stock commit after shipping, which completes the order; <paramref name="CancelIgnored"/>: a cancel came after shipping.</summary>
public sealed record CommitStockStep(CommitStockRequest Request, StepRecording Recording, bool CancelIgnored);

/// <summary>The history details of the forward steps.</summary>
internal static class StepDetails
{
    public const string Reserved = "stock reserved";
    public const string Shipped = "shipped";
    public const string Completed = "order completed; customer notified";

    public static string Charged(PaymentResult payment, string currency) => $"charged {payment.Amount} {currency}";
}
