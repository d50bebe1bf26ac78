using OrderPlatform.Contracts.Payments;
using OrderPlatform.PaymentService.Payments;

namespace OrderPlatform.PaymentService.Tests.Unit;

public sealed class DeclineRulesTests
{
    private static readonly PaymentServiceOptions Options = new() { PerCustomerLimit = 100m, DeclineTokenPrefix = "no_", InsufficientFundsToken = "broke" };

    [Theory]
    [InlineData("no_", 0, DeclineRules.CardDeclined)]
    [InlineData("no_thanks", 0, DeclineRules.CardDeclined)]
    [InlineData("broke", 0, DeclineRules.InsufficientFunds)]
    [InlineData("broke_too", 0, null)]
    [InlineData("ok", 90, null)]
    [InlineData("ok", 90.01, DeclineRules.CustomerLimitExceeded)]
    [InlineData("no_", 95, DeclineRules.CardDeclined)]
    public void Rules_come_from_configuration_and_apply_in_order(string token, double charged, string? expected) =>
        DeclineRules.Evaluate(new PaymentRequest("o", "c", 10m, "EUR", token), (decimal)charged, Options).Should().Be(expected);
}
