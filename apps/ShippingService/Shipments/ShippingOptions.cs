namespace OrderPlatform.ShippingService.Shipments;

/// <summary>The <c>Shipping</c> configuration section.</summary>
public sealed class ShippingOptions
{
    public const string SectionName = "Shipping";

    /// <summary>ISO country codes no carrier serves (case-insensitive). Default: Antarctica.</summary>
    public IList<string> UnserviceableCountries { get; } = [];

    /// <summary>Postal codes no carrier serves (exact, whitespace-trimmed). Default: "00000".</summary>
    public IList<string> UnserviceablePostalCodes { get; } = [];

    internal static readonly string[] DefaultUnserviceableCountries = ["AQ"];
    internal static readonly string[] DefaultUnserviceablePostalCodes = ["00000"];
}
