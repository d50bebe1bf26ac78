using System.Security.Cryptography;

namespace OrderPlatform.ShippingService.Shipments;

/// <summary>Tracking numbers: <c>TRK-</c> followed by 12 random uppercase letters and digits.</summary>
public static class TrackingNumbers
{
    public const string Prefix = "TRK-";
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const int Length = 12;

    /// <summary>A new random tracking number (cryptographic RNG, so two shipments never share one in practice).</summary>
    public static string New() => Prefix + RandomNumberGenerator.GetString(Alphabet, Length);
}
