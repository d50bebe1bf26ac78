using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrderPlatform.OrderService.Orders.Intake;

/// <summary>Ids order-service gives orders that arrive without one (they pass the kit's <c>Identifier()</c> rule).</summary>
public static class OrderIds
{
    public static string NewId() => "ord-" + Guid.NewGuid().ToString("N");

    /// <summary>
    /// The id of entry <paramref name="index"/> of a batch <paramref name="customerId"/> sent with <paramref name="idempotencyKey"/>
    /// (when the entry names none): the same on every retry of that batch, unrelated to any other customer, key or entry.
    /// </summary>
    public static string ForBatchEntry(string customerId, string idempotencyKey, int index)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"batch\n{customerId}\n{idempotencyKey}\n{index}")));
        return "ord-" + Convert.ToHexStringLower(hash)[..32];
    }
}
