using FluentValidation;
using OrderPlatform.Contracts.Orders;

namespace OrderPlatform.OrderService.Orders.Intake;

public sealed class OrderItemValidator : AbstractValidator<OrderItem>
{
    public const int MaxQuantity = 1000;
    public const decimal MaxUnitPrice = 1_000_000m;

    public OrderItemValidator()
    {
        // Not the Identifier() rule: a product id inventory could never hold is an unknown product (422), not bad input.
        RuleFor(i => i.ProductId).NotEmpty().MaximumLength(128);
        RuleFor(i => i.Quantity)
            .InclusiveBetween(1, MaxQuantity).WithMessage($"'{{PropertyName}}' must be between 1 and {MaxQuantity}.");
        // Optional and ignored (the catalogue prices the line), but a given value must still be a price.
        RuleFor(i => i.UnitPrice!.Value)
            .Cascade(CascadeMode.Stop)
            .GreaterThan(0)
            .LessThanOrEqualTo(MaxUnitPrice).WithMessage($"'{{PropertyName}}' must be at most {MaxUnitPrice:0}.")
            .Must(p => decimal.Round(p, 2) == p).WithMessage("'{PropertyName}' must have at most 2 decimals.")
            .OverridePropertyName("unitPrice")
            .When(i => i.UnitPrice is not null);
    }
}

public sealed class ShippingAddressValidator : AbstractValidator<ShippingAddress>
{
    public ShippingAddressValidator()
    {
        RuleFor(a => a.Street).NotEmpty().MaximumLength(200);
        RuleFor(a => a.City).NotEmpty().MaximumLength(100);
        RuleFor(a => a.PostalCode).NotEmpty().MaximumLength(20);
        RuleFor(a => a.Country).NotEmpty().MaximumLength(56);
    }
}
