using FluentValidation;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.ServiceDefaults.Validation;

namespace OrderPlatform.InventoryService.Stock;

public sealed class CheckStockRequestValidator : AbstractValidator<CheckStockRequest>
{
    public CheckStockRequestValidator()
    {
        RuleFor(r => r.Items).ValidLines();
        RuleForEach(r => r.Items).NotNull().SetValidator(new StockLineValidator());
    }
}

public sealed class SetStockRequestValidator : AbstractValidator<SetStockRequest>
{
    public SetStockRequestValidator()
    {
        RuleFor(r => r.Available).GreaterThanOrEqualTo(0).LessThanOrEqualTo(StockLineValidator.MaxQuantity);
        RuleFor(r => r.Price!.Value).CataloguePrice().OverridePropertyName("price").When(r => r.Price is not null);
        RuleFor(r => r.Name).NotEmpty().MaximumLength(CatalogueRules.MaxNameLength).When(r => r.Name is not null);
    }
}

/// <summary>The query string of <c>GET /products</c>, bound as text (the kit's paging rules name a bad value).</summary>
public sealed record CatalogueQuery(string? PageSize, string? Token);

public sealed class CatalogueQueryValidator : AbstractValidator<CatalogueQuery>
{
    public CatalogueQueryValidator()
    {
        RuleFor(q => q.PageSize).PageSize();
        RuleFor(q => q.Token).PageToken();
    }
}

public static class CatalogueRules
{
    public const decimal MaxPrice = 1_000_000m;
    public const int MaxNameLength = 200;

    /// <summary>A price in the platform currency: above 0, at most <see cref="MaxPrice"/>, whole cents.</summary>
    public static IRuleBuilderOptions<T, decimal> CataloguePrice<T>(this IRuleBuilderInitial<T, decimal> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .GreaterThan(0)
            .LessThanOrEqualTo(MaxPrice)
            .Must(p => decimal.Round(p, 2) == p).WithMessage("'{PropertyName}' must have at most 2 decimals.");
}
