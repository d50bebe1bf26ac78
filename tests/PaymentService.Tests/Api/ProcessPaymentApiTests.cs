using OrderPlatform.Contracts.Payments;
using OrderPlatform.PaymentService.Payments;
using OrderPlatform.PaymentService.Storage;
using OrderPlatform.PaymentService.Tests.Fakes;

namespace OrderPlatform.PaymentService.Tests.Api;

public sealed class ProcessPaymentApiTests : IDisposable
{
    private readonly PaymentApiFactory factory = new();

    public void Dispose() => factory.Dispose();

    private static PaymentRequest Charge(string orderId, decimal amount = 125.50m, string token = "tok_visa", string customer = "cust-1") =>
        new(orderId, customer, amount, "EUR", token);

    private static async Task<PaymentResult> ChargeAsync(HttpClient client, PaymentRequest request)
    {
        var response = await client.PostJsonAsync("/process-payment", request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.ReadAsync<PaymentResult>();
    }

    [Fact]
    public async Task A_good_card_is_charged_and_recorded_with_the_customer_total()
    {
        var client = await factory.StartAsync();

        var result = await ChargeAsync(client, Charge("o-1"));

        result.Status.Should().Be(PaymentStatus.Charged);
        result.Amount.Should().Be(125.50m);
        result.DeclineReason.Should().BeNull();
        result.PaymentId.Should().StartWith("pay_");
        var record = factory.Store.Get<PaymentRecord>(StateKeys.Payment("o-1"))!;
        record.PaymentId.Should().Be(result.PaymentId);
        record.Currency.Should().Be("EUR");
        factory.Store.Get<CustomerTotal>(StateKeys.Customer("cust-1")).Should().Be(new CustomerTotal("cust-1", 125.50m));
    }

    [Theory]
    [InlineData("tok_decline", DeclineRules.CardDeclined)]
    [InlineData("tok_decline_stolen", DeclineRules.CardDeclined)]
    [InlineData("tok_insufficient_funds", DeclineRules.InsufficientFunds)]
    public async Task Decline_tokens_are_a_200_Declined_with_the_reason_and_charge_nothing(string token, string reason)
    {
        var client = await factory.StartAsync();

        var result = await ChargeAsync(client, Charge("o-2", token: token));

        result.Status.Should().Be(PaymentStatus.Declined);
        result.DeclineReason.Should().Be(reason);
        factory.Store.Get<PaymentRecord>(StateKeys.Payment("o-2"))!.Status.Should().Be(PaymentStatus.Declined);
        factory.Store.Get<CustomerTotal>(StateKeys.Customer("cust-1")).Should().BeNull();
    }

    [Fact]
    public async Task Charges_beyond_the_per_customer_limit_are_declined_counting_only_charged_amounts()
    {
        var client = await factory.StartAsync();
        (await ChargeAsync(client, Charge("o-a", 6000m))).Status.Should().Be(PaymentStatus.Charged);
        (await ChargeAsync(client, Charge("o-b", 5000m, token: "tok_decline"))).Status.Should().Be(PaymentStatus.Declined);

        var exactly = await ChargeAsync(client, Charge("o-c", 4000m));
        var over = await ChargeAsync(client, Charge("o-d", 0.01m));
        var otherCustomer = await ChargeAsync(client, Charge("o-e", 9000m, customer: "cust-2"));

        exactly.Status.Should().Be(PaymentStatus.Charged);
        over.Should().Match<PaymentResult>(r => r.Status == PaymentStatus.Declined && r.DeclineReason == DeclineRules.CustomerLimitExceeded);
        otherCustomer.Status.Should().Be(PaymentStatus.Charged);
        factory.Store.Get<CustomerTotal>(StateKeys.Customer("cust-1"))!.Charged.Should().Be(10000m);
    }

    [Fact]
    public async Task The_same_order_twice_returns_the_first_result_with_one_state_write()
    {
        var client = await factory.StartAsync();

        var first = await ChargeAsync(client, Charge("o-3"));
        var again = await ChargeAsync(client, Charge("o-3", amount: 999m, token: "tok_decline"));

        again.Should().BeEquivalentTo(first);
        factory.Store.Commits.Should().Be(1);
        factory.Store.Get<CustomerTotal>(StateKeys.Customer("cust-1"))!.Charged.Should().Be(125.50m);
    }

    [Fact]
    public async Task A_declined_order_retried_with_a_good_card_stays_declined()
    {
        var client = await factory.StartAsync();

        var first = await ChargeAsync(client, Charge("o-4", token: "tok_insufficient_funds"));
        var again = await ChargeAsync(client, Charge("o-4"));

        again.Should().BeEquivalentTo(first);
        again.Status.Should().Be(PaymentStatus.Declined);
    }

    [Fact]
    public async Task A_racing_charge_that_loses_the_first_write_returns_the_stored_result()
    {
        var client = await factory.StartAsync();
        var winner = new PaymentRecord("o-5", "pay_winner", "cust-1", 125.50m, "EUR", PaymentStatus.Charged, null, DateTimeOffset.UnixEpoch);
        factory.Store.BeforeCommit = _ =>
        {
            if (factory.Store.Get<PaymentRecord>(StateKeys.Payment("o-5")) is null)
            {
                factory.Store.Put(StateKeys.Payment("o-5"), winner);
                factory.Store.Put(StateKeys.Customer("cust-1"), new CustomerTotal("cust-1", 125.50m));
            }
        };

        var result = await ChargeAsync(client, Charge("o-5"));

        result.PaymentId.Should().Be("pay_winner");
        factory.Store.Commits.Should().Be(0, "the loser's transaction never applied");
        factory.Store.Get<CustomerTotal>(StateKeys.Customer("cust-1"))!.Charged.Should().Be(125.50m, "charged once");
    }

    [Fact]
    public async Task A_state_store_failure_that_is_not_a_conflict_is_a_500_problem()
    {
        var client = await factory.StartAsync();
        factory.Store.BeforeCommit = _ => throw new Dapr.DaprException(
            "State operation failed", new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.Unavailable, "down")));

        var response = await client.PostJsonAsync("/process-payment", Charge("o-6"));

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        factory.Store.Attempts.Should().Be(1);
    }
}
