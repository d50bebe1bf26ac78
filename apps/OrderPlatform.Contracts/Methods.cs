namespace OrderPlatform.Contracts;

/// <summary>Methods invoked through Dapr service invocation (<c>/v1.0/invoke/{app-id}/method/{method}</c>).</summary>
public static class InventoryMethods
{
    public const string CheckStock = "check-stock";
    public const string Reserve = "reserve";
    public const string Release = "release";
    public const string Commit = "commit";
}

public static class PaymentMethods
{
    public const string ProcessPayment = "process-payment";
    public const string Refund = "refund";
}

public static class ShippingMethods
{
    public const string Ship = "ship";
}
