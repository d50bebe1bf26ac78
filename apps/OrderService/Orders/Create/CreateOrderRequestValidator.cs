using FluentValidation;
using OrderPlatform.Contracts.Orders;

namespace OrderPlatform.OrderService.Orders.Create;

/// <summary>Rules for <c>POST /api/orders</c> (and each batch entry); error keys are JSON paths such as <c>items[0].quantity</c>.</summary>
public sealed class CreateOrderRequestValidator : AbstractValidator<CreateOrderRequest>
{
    public const int MaxItems = 100;

    public CreateOrderRequestValidator()
    {
        RuleFor(r => r.OrderId)
            .Matches(OrderIds.Pattern()).WithMessage("orderId must be 1-64 characters of A-Z, a-z, 0-9, '-' or '_'.")
            .When(r => r.OrderId is not null)
            .OverridePropertyName("orderId");
        RuleFor(r => r.CustomerId)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("customerId is required.")
            .Matches(OrderIds.Pattern()).WithMessage("customerId must be at most 64 characters of A-Z, a-z, 0-9, '-' or '_'.")
            .OverridePropertyName("customerId");
        RuleFor(r => r.Items)
            .Must(items => items is { Count: > 0 and <= MaxItems }).WithMessage($"items must hold 1 to {MaxItems} lines.")
            .OverridePropertyName("items");
        RuleForEach(r => r.Items)
            .Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("The item is required.")
            .SetValidator(new OrderItemValidator())
            .When(r => r.Items is not null)
            .OverridePropertyName("items");
        RuleFor(r => r.PaymentToken)
            .MaximumLength(128).WithMessage("paymentToken must be at most 128 characters.")
            .OverridePropertyName("paymentToken");
        RuleFor(r => r.ShippingAddress!)
            .SetValidator(new ShippingAddressValidator())
            .When(r => r.ShippingAddress is not null)
            .OverridePropertyName("shippingAddress");
    }
}
