using System.Globalization;
using System.Security.Cryptography;
using System.Text;
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

    /// <summary>
    /// The id of entry <paramref name="index"/> of a batch sent with <paramref name="idempotencyKey"/> (when the entry names
    /// none): the same on every retry of that batch, unrelated to any other key or entry.
    /// </summary>
    public static string ForBatchEntry(string idempotencyKey, int index)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"batch\n{idempotencyKey}\n{index}")));
        return "ord-" + Convert.ToHexStringLower(hash)[..32];
    }
}
