using System.ComponentModel.DataAnnotations;

namespace OrderPlatform.InventoryService;

/// <summary>The <c>Inventory</c> configuration section (validated at start-up).</summary>
public sealed class InventoryServiceOptions
{
    public const string SectionName = "Inventory";

    /// <summary>
    /// Catalogue written at startup with first-write (never overwrites live stock). A product stored before prices
    /// existed gets the seed's name and price (its stock untouched).
    /// </summary>
    public IList<SeedItem> Seed { get; } = [];

    /// <summary>
    /// <see cref="SeedMode.Insert"/> (default): only missing products are written. <see cref="SeedMode.TopUp"/> (set by
    /// Bicep on Azure): a product below its seed quantity is raised back to it, so the CD smoke tests, which order
    /// seeded products after every deployment, never run out, and every seed product gets the seed's name and price.
    /// </summary>
    public SeedMode SeedMode { get; set; } = SeedMode.Insert;
}

/// <summary>ValidateDataAnnotations checks the options object only, not the items of <see cref="InventoryServiceOptions.Seed"/>.</summary>
internal static class SeedValidation
{
    public static bool AllValid(InventoryServiceOptions options) =>
        options.Seed.All(item => Validator.TryValidateObject(item, new ValidationContext(item), null, validateAllProperties: true));
}

public enum SeedMode
{
    Insert,
    TopUp,
}

/// <summary>One product of the seed catalogue: its stock and its catalogue entry (name, unit price).</summary>
public sealed class SeedItem
{
    [Required]
    public string ProductId { get; set; } = string.Empty;

    [Range(0, int.MaxValue)]
    public int Quantity { get; set; }

    [Required]
    [StringLength(200, MinimumLength = 1)]
    public string Name { get; set; } = string.Empty;

    /// <summary>Unit price in the platform currency; required (0 = missing is refused at start-up).</summary>
    [Range(typeof(decimal), "0.01", "1000000")]
    public decimal Price { get; set; }
}
