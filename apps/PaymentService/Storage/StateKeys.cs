namespace OrderPlatform.PaymentService.Storage;

/// <summary>Keys of the items kept in <c>payment-store</c>.</summary>
public static class StateKeys
{
    public static string Payment(string orderId) => $"payment-{orderId}";

    public static string Customer(string customerId) => $"customer-{customerId}";
}
