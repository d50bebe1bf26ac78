namespace OrderPlatform.Contracts;

/// <summary>Methods invoked through Dapr service invocation (<c>/v1.0/invoke/{app-id}/method/{method}</c>).</summary>
public static class InventoryMethods
{
    public const string CheckStock = "check-stock";
    public const string Reserve = "reserve";
    public const string Release = "release";
    public const string Commit = "commit";

    /// <summary><c>GET products?pageSize=&amp;token=</c>: one page of the priced catalogue (<c>CataloguePage</c>).</summary>
    public const string Products = "products";

    /// <summary>
    /// <c>GET</c> (a <c>StockLevel</c>) and <c>PUT</c> (a <c>SetStockRequest</c>) <c>api/inventory/{productId}</c>: one
    /// product's stock, read or set; order-service's operator route <c>/api/products/{productId}/stock</c> relays them.
    /// </summary>
    public static string Stock(string productId) => $"api/inventory/{Uri.EscapeDataString(productId)}";
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
