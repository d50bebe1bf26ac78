using OrderPlatform.Contracts.Payments;
using OrderPlatform.PaymentService.Payments;
using OrderPlatform.PaymentService.Storage;
using OrderPlatform.PaymentService.Tests.Support;

namespace OrderPlatform.PaymentService.Tests.Api;

public sealed class ProcessPaymentApiTests : IAsyncLifetime
{
    private readonly PaymentApiFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => factory.DisposeAsync().AsTask();

    private static PaymentRequest Charge(string orderId, decimal amount = 125.50m, string token = "tok_visa", string customer = "cust-1") =>
        new(orderId, customer, amount, "EUR", token);

    private static async Task<PaymentResult> ChargeAsync(HttpClient client, PaymentRequest request)
    {
        var response = await client.PostJsonAsync("/process-payment", request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.ReadAsync<PaymentResult>();
    }

    [Fact]
    public async Task A_first_charge_reads_the_payment_and_the_customers_total_in_one_call_and_writes_them_in_one_transaction()
    {
        var client = await factory.StartAsync();

        (await ChargeAsync(client, Charge("o-calls"))).Status.Should().Be(PaymentStatus.Charged);

        factory.Hooks.Calls("GetBulkState").Should().Be(1);
        factory.Hooks.Calls("GetState").Should().Be(0);
        factory.Hooks.Calls("ExecuteStateTransaction").Should().Be(1);
        (await factory.GetStateAsync<CustomerTotal>(StateKeys.Customer("cust-1")))!.Charged.Should().Be(125.50m);
    }

    /// <summary>Holds the first <paramref name="count"/> state transactions until all of them are on their way, so each was decided before any committed.</summary>
    private void HoldTransactionsUntil(int count)
    {
        var arrived = 0;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        factory.Hooks.Before("ExecuteStateTransaction", async ct =>
        {
            var n = Interlocked.Increment(ref arrived);
            if (n == count)
            {
                all.TrySetResult();
            }

            if (n <= count)
            {
                await all.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
            }
        });
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
        var record = (await factory.GetStateAsync<PaymentRecord>(StateKeys.Payment("o-1")))!;
        record.PaymentId.Should().Be(result.PaymentId);
        record.Currency.Should().Be("EUR");
        (await factory.GetStateAsync<CustomerTotal>(StateKeys.Customer("cust-1"))).Should().Be(new CustomerTotal("cust-1", 125.50m));
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
        (await factory.GetStateAsync<PaymentRecord>(StateKeys.Payment("o-2")))!.Status.Should().Be(PaymentStatus.Declined);
        (await factory.GetStateAsync<CustomerTotal>(StateKeys.Customer("cust-1"))).Should().BeNull();
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
        (await factory.GetStateAsync<CustomerTotal>(StateKeys.Customer("cust-1")))!.Charged.Should().Be(10000m);
    }

    [Fact]
    public async Task The_same_order_twice_returns_the_first_result_with_one_state_write()
    {
        var client = await factory.StartAsync();

        var first = await ChargeAsync(client, Charge("o-3"));
        var again = await ChargeAsync(client, Charge("o-3", amount: 999m, token: "tok_decline"));

        again.Should().BeEquivalentTo(first);
        factory.Hooks.Calls("ExecuteStateTransaction").Should().Be(1);
        factory.Hooks.Calls("SaveState").Should().Be(0);
        (await factory.GetStateAsync<CustomerTotal>(StateKeys.Customer("cust-1")))!.Charged.Should().Be(125.50m);
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
        var raced = 0;
        factory.Hooks.Before("ExecuteStateTransaction", async ct =>
        {
            if (Interlocked.Exchange(ref raced, 1) == 0)
            {
                // The same order, charged by another replica after this call read "no payment yet".
                await factory.PutStateAsync(StateKeys.Payment("o-5"), winner, ct);
                await factory.PutStateAsync(StateKeys.Customer("cust-1"), new CustomerTotal("cust-1", 125.50m), ct);
            }
        });

        var result = await ChargeAsync(client, Charge("o-5"));

        result.PaymentId.Should().Be("pay_winner");
        factory.Hooks.Calls("ExecuteStateTransaction").Should().Be(1, "the loser re-read the winner's record and wrote nothing more");
        (await factory.GetStateAsync<PaymentRecord>(StateKeys.Payment("o-5"))).Should().Be(winner, "the loser's transaction never applied");
        (await factory.GetStateAsync<CustomerTotal>(StateKeys.Customer("cust-1")))!.Charged.Should().Be(125.50m, "charged once");
    }

    [Fact]
    public async Task Two_concurrent_charges_of_one_order_charge_once_and_answer_the_same_payment()
    {
        var client = await factory.StartAsync();
        HoldTransactionsUntil(2);

        var results = await Task.WhenAll(ChargeAsync(client, Charge("o-7")), ChargeAsync(client, Charge("o-7")));

        results[1].Should().BeEquivalentTo(results[0]);
        factory.Hooks.Calls("ExecuteStateTransaction").Should().Be(2, "both decided to charge; one transaction lost");
        (await factory.GetStateAsync<PaymentRecord>(StateKeys.Payment("o-7")))!.PaymentId.Should().Be(results[0].PaymentId);
        (await factory.GetStateAsync<CustomerTotal>(StateKeys.Customer("cust-1")))!.Charged.Should().Be(125.50m, "charged once");
    }

    [Fact]
    public async Task Two_concurrent_orders_of_one_customer_never_exceed_the_limit_together()
    {
        var client = await factory.StartAsync();
        HoldTransactionsUntil(2);

        var results = await Task.WhenAll(ChargeAsync(client, Charge("o-8", 6000m)), ChargeAsync(client, Charge("o-9", 6000m)));

        // Both read a total of 0 and decided to charge; the loser decided again on 6000 and was declined.
        results.Select(r => r.Status).Should().BeEquivalentTo([PaymentStatus.Charged, PaymentStatus.Declined]);
        results.Single(r => r.Status == PaymentStatus.Declined).DeclineReason.Should().Be(DeclineRules.CustomerLimitExceeded);
        factory.Hooks.Calls("ExecuteStateTransaction").Should().Be(3, "two racing charges and the loser's decline");
        (await factory.GetStateAsync<CustomerTotal>(StateKeys.Customer("cust-1")))!.Charged.Should().Be(6000m);
    }

    [Fact]
    public async Task A_state_store_failure_that_is_not_a_conflict_is_a_500_problem()
    {
        var client = await factory.StartAsync();
        factory.Hooks.Fail("ExecuteStateTransaction");

        var response = await client.PostJsonAsync("/process-payment", Charge("o-6"));

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        factory.Hooks.Calls("ExecuteStateTransaction").Should().Be(1, "a fault is not retried as a conflict");
        (await factory.GetStateAsync<PaymentRecord>(StateKeys.Payment("o-6"))).Should().BeNull();
    }
}
