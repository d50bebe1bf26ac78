using FluentValidation;
using OrderPlatform.Contracts.Inventory;

namespace OrderPlatform.ServiceDefaults.Validation;

/// <summary>
/// A stock setting (<see cref="SetStockRequest"/>): inventory-service validates it on <c>PUT /api/inventory/{productId}</c>,
/// and order-service on the operator route that relays it, with the same rules.
/// </summary>
public sealed class SetStockRequestValidator : AbstractValidator<SetStockRequest>
{
    public SetStockRequestValidator()
    {
        RuleFor(r => r.Available).GreaterThanOrEqualTo(0).LessThanOrEqualTo(StockLineValidator.MaxQuantity);
        RuleFor(r => r.Price!.Value).CataloguePrice().OverridePropertyName("price").When(r => r.Price is not null);
        RuleFor(r => r.Name).NotEmpty().MaximumLength(CatalogueRules.MaxNameLength).When(r => r.Name is not null);
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
