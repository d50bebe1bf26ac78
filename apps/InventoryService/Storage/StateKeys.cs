namespace OrderPlatform.InventoryService.Storage;

/// <summary>Keys of the items kept in <c>inventory-store</c>.</summary>
public static class StateKeys
{
    public static string Stock(string productId) => $"stock-{productId}";

    public static string Reservation(string reservationId) => $"reservation-{reservationId}";
}

/// <summary>A state value with the ETag it was read at (null value and ETag when the key does not exist).</summary>
public readonly record struct Versioned<T>(T? Value, string? ETag);
