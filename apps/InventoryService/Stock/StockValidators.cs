using FluentValidation;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.ServiceDefaults.Validation;

namespace OrderPlatform.InventoryService.Stock;

public sealed class StockLineValidator : AbstractValidator<StockLine>
{
    public const int MaxQuantity = 1_000_000;

    public StockLineValidator()
    {
        RuleFor(l => l.ProductId).Identifier();
        RuleFor(l => l.Quantity).GreaterThan(0).LessThanOrEqualTo(MaxQuantity);
    }
}

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
    public SetStockRequestValidator() =>
        RuleFor(r => r.Available).GreaterThanOrEqualTo(0).LessThanOrEqualTo(StockLineValidator.MaxQuantity);
}

public static class StockLineRules
{
    public const int MaxLines = 100;

    /// <summary>The list itself: present, not empty, bounded. Each line is checked by <see cref="StockLineValidator"/>.</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<StockLine>> ValidLines<T>(this IRuleBuilderInitial<T, IReadOnlyList<StockLine>> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty()
            .Must(items => items.Count <= MaxLines).WithMessage($"'{{PropertyName}}' may hold at most {MaxLines} lines.");
}
