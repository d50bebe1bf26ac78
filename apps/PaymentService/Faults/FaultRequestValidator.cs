using FluentValidation;

namespace OrderPlatform.PaymentService.Faults;

public sealed class FaultRequestValidator : AbstractValidator<FaultRequest>
{
    public FaultRequestValidator()
    {
        RuleFor(r => r.FailNext).InclusiveBetween(1, 10_000);
        RuleFor(r => r.StatusCode).InclusiveBetween(400, 599);
    }
}
