using FluentValidation;
using OrderPlatform.Contracts.Payments;
using OrderPlatform.ServiceDefaults.Validation;

namespace OrderPlatform.PaymentService.Payments;

public sealed class RefundRequestValidator : AbstractValidator<RefundRequest>
{
    public RefundRequestValidator()
    {
        RuleFor(r => r.OrderId).Identifier();
        RuleFor(r => r.Reason).MaximumLength(500);
    }
}
