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
    public SetStockRequestValidator() =>
        RuleFor(r => r.Available).GreaterThanOrEqualTo(0).LessThanOrEqualTo(StockLineValidator.MaxQuantity);
}
