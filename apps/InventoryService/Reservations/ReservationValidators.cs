using FluentValidation;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.InventoryService.Stock;
using OrderPlatform.ServiceDefaults.Validation;

namespace OrderPlatform.InventoryService.Reservations;

public sealed class ReserveStockRequestValidator : AbstractValidator<ReserveStockRequest>
{
    public ReserveStockRequestValidator()
    {
        RuleFor(r => r.ReservationId).Identifier();
        RuleFor(r => r.OrderId).Identifier();
        RuleFor(r => r.Items).ValidLines();
        RuleForEach(r => r.Items).NotNull().SetValidator(new StockLineValidator());
    }
}

public sealed class ReleaseStockRequestValidator : AbstractValidator<ReleaseStockRequest>
{
    public ReleaseStockRequestValidator() => RuleFor(r => r.ReservationId).Identifier();
}

public sealed class CommitStockRequestValidator : AbstractValidator<CommitStockRequest>
{
    public CommitStockRequestValidator()
    {
        RuleFor(r => r.ReservationId).Identifier();
        RuleFor(r => r.ProductIds).Must(ids => ids is null || ids.Count <= 100).WithMessage("'productIds' may name at most 100 products.");
        RuleForEach(r => r.ProductIds).Must(Identifiers.IsValid).WithMessage(Identifiers.Message);
    }
}
