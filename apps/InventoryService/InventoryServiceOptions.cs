using System.ComponentModel.DataAnnotations;

namespace OrderPlatform.InventoryService;

/// <summary>The <c>Inventory</c> configuration section (validated at start-up).</summary>
public sealed class InventoryServiceOptions
{
    public const string SectionName = "Inventory";

    /// <summary>Catalogue written at startup with first-write (never overwrites live stock).</summary>
    public IList<SeedItem> Seed { get; } = [];

    /// <summary>
    /// <see cref="SeedMode.Insert"/> (default): only missing products are written. <see cref="SeedMode.TopUp"/> (set by
    /// Bicep on Azure): a product below its seed quantity is raised back to it, so the CD smoke tests, which order
    /// seeded products after every deployment, never run out.
    /// </summary>
    public SeedMode SeedMode { get; set; } = SeedMode.Insert;
}

public enum SeedMode
{
    Insert,
    TopUp,
}

/// <summary>One product of the seed catalogue.</summary>
public sealed class SeedItem
{
    [Required]
    public string ProductId { get; set; } = string.Empty;

    [Range(0, int.MaxValue)]
    public int Quantity { get; set; }
}
