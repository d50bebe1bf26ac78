using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OrderPlatform.PaymentService.Payments;

namespace OrderPlatform.PaymentService.Signing;

/// <summary>
/// Signs payment records: lowercase hex HMAC-SHA256 with the gateway key over <c>{orderId}|{amount}|{status}</c>,
/// amount in invariant culture without trailing zeros (<c>125.5</c>), status as its name (<c>Charged</c>).
/// </summary>
public sealed class PaymentSigner(GatewayKey key)
{
    public PaymentRecord Sign(PaymentRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record with { Signature = Compute(key.Value, record) };
    }

    public static string Payload(PaymentRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var amount = record.Amount.ToString("0.############################", CultureInfo.InvariantCulture);
        return $"{record.OrderId}|{amount}|{record.Status}";
    }

    public static string Compute(byte[] key, PaymentRecord record) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(Payload(record))));
}
