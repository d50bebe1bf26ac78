namespace OrderPlatform.InventoryService.Storage;

/// <summary>Keys of the items kept in <c>inventory-store</c>.</summary>
public static class StateKeys
{
    public static string Stock(string productId) => $"stock-{productId}";

    public static string Product(string productId) => $"product-{productId}";

    public static string Reservation(string reservationId) => $"reservation-{reservationId}";
}
