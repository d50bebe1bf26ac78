using System.Text.RegularExpressions;

namespace OrderPlatform.OrderService.Orders;

/// <summary>Identifier rules shared by order ids and customer ids.</summary>
public static partial class OrderIds
{
    public const int MaxLength = 64;

    /// <summary>1..64 of <c>[A-Za-z0-9-_]</c>.</summary>
    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    public static partial Regex Pattern();

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    public static string NewId() => "ord-" + Guid.NewGuid().ToString("N");
}
