using System.Security.Cryptography;
using System.Text.Json;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.OrderService.Orders.Intake;

/// <summary>SHA-256 of the request re-serialized with JsonDefaults: the same body (whatever its whitespace) → the same hash.</summary>
public static class RequestFingerprint
{
    public static string Of(CreateOrderRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, JsonDefaults.Options)));
}
