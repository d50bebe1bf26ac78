using FluentValidation;
using OrderPlatform.Contracts.Inventory;

namespace OrderPlatform.ServiceDefaults.Validation;

/// <summary>
/// One line of stock (<see cref="StockLine"/>, the contract order-service sends to inventory- and shipping-service):
/// a product id that can be a state key and a quantity of 1 to <see cref="MaxQuantity"/>.
/// </summary>
public sealed class StockLineValidator : AbstractValidator<StockLine>
{
    public const int MaxQuantity = 1_000_000;

    public StockLineValidator()
    {
        RuleFor(l => l.ProductId).Identifier();
        RuleFor(l => l.Quantity).GreaterThan(0).LessThanOrEqualTo(MaxQuantity);
    }
}

public static class StockLineRules
{
    public const int MaxLines = 100;

    /// <summary>
    /// The list itself: present, not empty, at most <see cref="MaxLines"/>. Each line is checked with
    /// <c>RuleForEach(r => r.Items).NotNull().SetValidator(new StockLineValidator())</c>.
    /// </summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<StockLine>> ValidLines<T>(this IRuleBuilderInitial<T, IReadOnlyList<StockLine>> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty()
            .Must(items => items.Count <= MaxLines).WithMessage($"'{{PropertyName}}' may hold at most {MaxLines} lines.");
}
