namespace OrderPlatform.PaymentService.Storage;

/// <summary>Keys of the items kept in <c>payment-store</c>.</summary>
public static class StateKeys
{
    public static string Payment(string orderId) => $"payment-{orderId}";

    public static string Customer(string customerId) => $"customer-{customerId}";
}

/// <summary>A state value with the ETag it was read at (null value and ETag when the key does not exist).</summary>
public readonly record struct Versioned<T>(T? Value, string? ETag);
