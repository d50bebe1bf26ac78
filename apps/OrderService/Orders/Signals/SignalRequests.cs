using FluentValidation;

namespace OrderPlatform.OrderService.Orders.Signals;

/// <summary>Body of <c>POST /api/orders/{id}/approve</c>. The approver is the signed-in operator, never body text.</summary>
public sealed record ApprovalRequest(bool? Approved, string? Reason = null);

/// <summary>Optional body of <c>POST /api/orders/{id}/cancel</c>.</summary>
public sealed record CancelOrderRequest(string? Reason = null);

public sealed class ApprovalRequestValidator : AbstractValidator<ApprovalRequest>
{
    public ApprovalRequestValidator()
    {
        RuleFor(r => r.Approved).NotNull();
        RuleFor(r => r.Reason).MaximumLength(500);
    }
}

public sealed class CancelOrderRequestValidator : AbstractValidator<CancelOrderRequest>
{
    public CancelOrderRequestValidator() =>
        RuleFor(r => r.Reason).MaximumLength(500);
}
