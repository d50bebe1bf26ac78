using System.ComponentModel.DataAnnotations;

namespace OrderPlatform.InventoryService.Configuration;

/// <summary>The <c>Inventory</c> configuration section.</summary>
public sealed class InventoryOptions
{
    public const string Section = "Inventory";

    /// <summary>Catalogue written at startup with first-write (never overwrites live stock).</summary>
    public IList<SeedItem> Seed { get; } = [];

    /// <summary>Attempts (first try included) of a reserve/release/set that loses an ETag race.</summary>
    [Range(1, 1000)]
    public int ConflictRetryAttempts { get; set; } = 10;

    /// <summary>Base delay of the jittered exponential back-off between conflict retries.</summary>
    public TimeSpan ConflictRetryDelay { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Upper bound of one back-off delay.</summary>
    public TimeSpan ConflictRetryMaxDelay { get; set; } = TimeSpan.FromMilliseconds(500);
}

/// <summary>One product of the seed catalogue.</summary>
public sealed class SeedItem
{
    [Required]
    public string ProductId { get; set; } = string.Empty;

    [Range(0, int.MaxValue)]
    public int Quantity { get; set; }
}
