using System.Security.Cryptography;
using System.Text;
using OrderPlatform.ServiceDefaults.Validation;

namespace OrderPlatform.OrderService.Storage;

/// <summary>
/// The keys of <c>orders-store</c>: an order under its id, an <c>Idempotency-Key</c> record under
/// <see cref="IdempotencyPrefix"/> + the SHA-256 of the customer's id and the client's key (a key is the customer's own). Order ids follow the kit's <see cref="Identifiers"/>
/// rule, which allows ':', so ids starting with the prefix are reserved: an order can never land on a record's key.
/// </summary>
public static class StateKeys
{
    public const string IdempotencyPrefix = "idempotency:";

    public static string Order(string orderId) => orderId;

    // Customer ids are identifiers (no newline), so "customer\nkey" never reads as another customer's pair.
    public static string Idempotency(string customerId, string idempotencyKey) =>
        IdempotencyPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(customerId + "\n" + idempotencyKey)));

    /// <summary>True for an id that names the store's other documents (never valid as an order id).</summary>
    public static bool IsReserved(string orderId) => orderId.StartsWith(IdempotencyPrefix, StringComparison.Ordinal);

    /// <summary>Whether <paramref name="orderId"/> can be an order's key (anything else is simply not found).</summary>
    public static bool IsOrderId(string? orderId) => Identifiers.IsValid(orderId) && !IsReserved(orderId!);
}
