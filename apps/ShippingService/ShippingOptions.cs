using System.ComponentModel.DataAnnotations;

namespace OrderPlatform.ShippingService;

/// <summary>
/// The <c>Shipping</c> configuration section. An empty list falls back to its default (configuration can only add
/// list entries, so "not configured" is the empty list); a blank entry stops the service at start-up.
/// </summary>
public sealed class ShippingOptions : IValidatableObject
{
    public const string SectionName = "Shipping";

    /// <summary>Country codes no carrier serves (case-insensitive, whitespace-trimmed). Default: "AQ" (Antarctica).</summary>
    [Length(0, MaxEntries)]
    public IList<string> UnserviceableCountries { get; } = [];

    /// <summary>Postal codes no carrier serves (exact, whitespace-trimmed). Default: "00000".</summary>
    [Length(0, MaxEntries)]
    public IList<string> UnserviceablePostalCodes { get; } = [];

    internal const int MaxEntries = 10_000;
    internal static readonly string[] DefaultUnserviceableCountries = ["AQ"];
    internal static readonly string[] DefaultUnserviceablePostalCodes = ["00000"];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (UnserviceableCountries.Any(string.IsNullOrWhiteSpace))
        {
            yield return new ValidationResult($"{SectionName}:{nameof(UnserviceableCountries)} has a blank entry.", [nameof(UnserviceableCountries)]);
        }

        if (UnserviceablePostalCodes.Any(string.IsNullOrWhiteSpace))
        {
            yield return new ValidationResult($"{SectionName}:{nameof(UnserviceablePostalCodes)} has a blank entry.", [nameof(UnserviceablePostalCodes)]);
        }
    }
}
