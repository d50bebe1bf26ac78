using System.ComponentModel.DataAnnotations;

namespace OrderPlatform.ShippingService;

/// <summary>
/// The <c>Shipping</c> configuration section. An empty list falls back to its default (configuration can only add
/// list entries, so "not configured" is the empty list); a blank entry stops the service at start-up.
/// </summary>
public sealed class ShippingServiceOptions
{
    public const string SectionName = "Shipping";

    /// <summary>Country codes no carrier serves (case-insensitive, whitespace-trimmed). Default: "AQ" (Antarctica).</summary>
    [NoBlankEntries]
    public IList<string> UnserviceableCountries { get; } = [];

    /// <summary>Postal codes no carrier serves (exact, whitespace-trimmed). Default: "00000".</summary>
    [NoBlankEntries]
    public IList<string> UnserviceablePostalCodes { get; } = [];

    internal static readonly string[] DefaultUnserviceableCountries = ["AQ"];
    internal static readonly string[] DefaultUnserviceablePostalCodes = ["00000"];
}

/// <summary>A list setting none of whose entries is empty or whitespace.</summary>
/// <remarks>
/// The message is built per failure, not passed to the base constructor: DataAnnotations caches attribute instances
/// per type, so a constructor argument is fixed once per process (and Stryker's in-process mutants never reach it).
/// </remarks>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NoBlankEntriesAttribute : ValidationAttribute
{
    public override string FormatErrorMessage(string name) => $"'{name}' has a blank entry.";

    public override bool IsValid(object? value) =>
        value is not IEnumerable<string> entries || !entries.Any(string.IsNullOrWhiteSpace);
}
