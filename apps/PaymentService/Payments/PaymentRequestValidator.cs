using FluentValidation;
using OrderPlatform.Contracts.Payments;
using OrderPlatform.ServiceDefaults.Validation;

namespace OrderPlatform.PaymentService.Payments;

public sealed class PaymentRequestValidator : AbstractValidator<PaymentRequest>
{
    public const decimal MaxAmount = 1_000_000_000m;

    public PaymentRequestValidator()
    {
        RuleFor(r => r.OrderId).Identifier();
        RuleFor(r => r.CustomerId).Identifier();
        RuleFor(r => r.Amount).GreaterThan(0m).LessThanOrEqualTo(MaxAmount);
        RuleFor(r => r.Currency).Cascade(CascadeMode.Stop)
            .NotEmpty()
            .Matches("^[A-Za-z]{3}$").WithMessage("'currency' must be a 3-letter currency code such as EUR.");
        RuleFor(r => r.PaymentToken).NotEmpty().MaximumLength(200);
    }
}
