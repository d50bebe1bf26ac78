using FluentValidation;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.OrderService.Storage;
using OrderPlatform.ServiceDefaults.Validation;

namespace OrderPlatform.OrderService.Orders.Intake;

/// <summary>Rules for <c>POST /api/orders</c> (and each batch entry); error keys are JSON paths such as <c>items[0].quantity</c>.</summary>
public sealed class CreateOrderRequestValidator : AbstractValidator<CreateOrderRequest>
{
    public const int MaxItems = 100;

    public CreateOrderRequestValidator()
    {
        RuleFor(r => r.OrderId!)
            .Identifier()
            .Must(id => !StateKeys.IsReserved(id)).WithMessage($"'{{PropertyName}}' may not start with '{StateKeys.IdempotencyPrefix}'.")
            .When(r => r.OrderId is not null);
        RuleFor(r => r.CustomerId!)
            .Identifier()
            .When(r => r.CustomerId is not null);
        RuleFor(r => r.Items)
            .Must(items => items is { Count: > 0 and <= MaxItems }).WithMessage($"'{{PropertyName}}' must hold 1 to {MaxItems} lines.");
        RuleForEach(r => r.Items)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .SetValidator(new OrderItemValidator())
            .When(r => r.Items is not null);
        RuleFor(r => r.PaymentToken).MaximumLength(128);
        RuleFor(r => r.ShippingAddress!)
            .SetValidator(new ShippingAddressValidator())
            .When(r => r.ShippingAddress is not null);
    }
}
