using Microsoft.Extensions.Options;
using OrderPlatform.Contracts.Orders;

namespace OrderPlatform.ShippingService.Shipments;

/// <summary>
/// Decides whether a destination can be served. Deterministic on purpose: an unserviceable country or postal code
/// (configuration, with defaults "AQ" and "00000") is how tests and demos drive the shipping-refused path.
/// </summary>
public sealed class ServiceabilityPolicy(IOptions<ShippingServiceOptions> options)
{
    private readonly HashSet<string> countries = ToSet(
        options.Value.UnserviceableCountries, ShippingServiceOptions.DefaultUnserviceableCountries, StringComparer.OrdinalIgnoreCase);

    private readonly HashSet<string> postalCodes = ToSet(
        options.Value.UnserviceablePostalCodes, ShippingServiceOptions.DefaultUnserviceablePostalCodes, StringComparer.Ordinal);

    /// <summary>The reason the address cannot be served, or null when it can.</summary>
    public string? RefusalReason(ShippingAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (countries.Contains(address.Country.Trim()))
        {
            return $"Destination country '{address.Country.Trim()}' is not serviceable.";
        }

        return postalCodes.Contains(address.PostalCode.Trim())
            ? $"Destination postal code '{address.PostalCode.Trim()}' is not serviceable."
            : null;
    }

    private static HashSet<string> ToSet(IList<string> configured, string[] defaults, StringComparer comparer) =>
        new((configured.Count > 0 ? configured : defaults).Select(v => v.Trim()), comparer);
}
