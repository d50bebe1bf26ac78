using OrderPlatform.Contracts.Payments;

namespace OrderPlatform.PaymentService.Payments;

/// <summary>Deterministic decline rules, checked in this order; null means the charge goes through.</summary>
public static class DeclineRules
{
    public const string CardDeclined = "card declined";
    public const string InsufficientFunds = "insufficient funds";
    public const string CustomerLimitExceeded = "customer limit exceeded";

    public static string? Evaluate(PaymentRequest request, decimal customerCharged, PaymentServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        if (request.PaymentToken.StartsWith(options.DeclineTokenPrefix, StringComparison.Ordinal))
        {
            return CardDeclined;
        }

        if (string.Equals(request.PaymentToken, options.InsufficientFundsToken, StringComparison.Ordinal))
        {
            return InsufficientFunds;
        }

        return customerCharged + request.Amount > options.PerCustomerLimit ? CustomerLimitExceeded : null;
    }
}
