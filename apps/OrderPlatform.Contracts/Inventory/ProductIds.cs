using System.Text.RegularExpressions;

namespace OrderPlatform.Contracts.Inventory;

/// <summary>
/// The product ids inventory-service can keep stock for (they become its state keys): 1–100 letters, digits, '.', '_',
/// ':' or '-'. Any other id cannot exist in inventory.
/// </summary>
public static partial class ProductIds
{
    public const int MaxLength = 100;

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,100}$")]
    public static partial Regex Pattern();

    public static bool IsValid(string? productId) => productId is not null && Pattern().IsMatch(productId);
}
