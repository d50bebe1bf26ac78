using FluentValidation;
using OrderPlatform.Contracts.Orders;

namespace OrderPlatform.OrderService.Orders.Create;

public sealed class OrderItemValidator : AbstractValidator<OrderItem>
{
    public const int MaxQuantity = 1000;
    public const decimal MaxUnitPrice = 1_000_000m;

    public OrderItemValidator()
    {
        RuleFor(i => i.ProductId)
            .NotEmpty().WithMessage("productId is required.")
            .MaximumLength(128).WithMessage("productId must be at most 128 characters.")
            .OverridePropertyName("productId");
        RuleFor(i => i.Quantity)
            .InclusiveBetween(1, MaxQuantity).WithMessage($"quantity must be between 1 and {MaxQuantity}.")
            .OverridePropertyName("quantity");
        RuleFor(i => i.UnitPrice)
            .Cascade(CascadeMode.Stop)
            .GreaterThan(0).WithMessage("unitPrice must be greater than 0.")
            .LessThanOrEqualTo(MaxUnitPrice).WithMessage($"unitPrice must be at most {MaxUnitPrice:0}.")
            .Must(p => decimal.Round(p, 2) == p).WithMessage("unitPrice must have at most 2 decimals.")
            .OverridePropertyName("unitPrice");
    }
}

public sealed class ShippingAddressValidator : AbstractValidator<ShippingAddress>
{
    public ShippingAddressValidator()
    {
        RuleFor(a => a.Street).NotEmpty().MaximumLength(200).OverridePropertyName("street");
        RuleFor(a => a.City).NotEmpty().MaximumLength(100).OverridePropertyName("city");
        RuleFor(a => a.PostalCode).NotEmpty().MaximumLength(20).OverridePropertyName("postalCode");
        RuleFor(a => a.Country).NotEmpty().MaximumLength(56).OverridePropertyName("country");
    }
}
