using OrderPlatform.Contracts.Payments;
using OrderPlatform.PaymentService.Payments;
using OrderPlatform.PaymentService.Storage;
using OrderPlatform.PaymentService.Tests.Support;

namespace OrderPlatform.PaymentService.Tests.Api;

public sealed class RefundApiTests : IAsyncLifetime
{
    private readonly PaymentApiFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => factory.DisposeAsync().AsTask();

    private static async Task<RefundResult> RefundAsync(HttpClient client, string orderId)
    {
        var response = await client.PostJsonAsync("/refund", new RefundRequest(orderId, "order failed"));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.ReadAsync<RefundResult>();
    }

    [Fact]
    public async Task A_charged_payment_is_refunded_once_and_the_customer_total_goes_back_down()
    {
        var client = await factory.StartAsync();
        await client.PostJsonAsync("/process-payment", new PaymentRequest("r-1", "cust-9", 9000m, "EUR", "tok_visa"));

        var first = await RefundAsync(client, "r-1");
        var second = await RefundAsync(client, "r-1");

        first.Should().Be(new RefundResult("r-1", RefundStatus.Refunded));
        second.Should().Be(first);
        (await factory.GetStateAsync<CustomerTotal>(StateKeys.Customer("cust-9")))!.Charged.Should().Be(0m);
        var record = (await factory.GetStateAsync<PaymentRecord>(StateKeys.Payment("r-1")))!;
        record.Status.Should().Be(PaymentStatus.Refunded);
        record.RefundReason.Should().Be("order failed");
        factory.Hooks.Calls("ExecuteStateTransaction").Should().Be(2, "one charge and one refund");
    }

    [Fact]
    public async Task A_refund_frees_the_customer_limit_for_the_next_order()
    {
        var client = await factory.StartAsync();
        await client.PostJsonAsync("/process-payment", new PaymentRequest("r-2", "cust-8", 9000m, "EUR", "tok_visa"));
        await RefundAsync(client, "r-2");

        var next = await (await client.PostJsonAsync("/process-payment", new PaymentRequest("r-3", "cust-8", 9000m, "EUR", "tok_visa")))
            .ReadAsync<PaymentResult>();

        next.Status.Should().Be(PaymentStatus.Charged);
    }

    [Fact]
    public async Task Refunding_a_declined_payment_is_NotCharged_and_writes_nothing()
    {
        var client = await factory.StartAsync();
        await client.PostJsonAsync("/process-payment", new PaymentRequest("r-4", "cust-7", 10m, "EUR", "tok_decline"));
        factory.Hooks.ResetCounts();

        (await RefundAsync(client, "r-4")).Status.Should().Be(RefundStatus.NotCharged);
        factory.Hooks.Calls("ExecuteStateTransaction").Should().Be(0);
        factory.Hooks.Calls("SaveState").Should().Be(0);
    }

    [Fact]
    public async Task A_refund_before_any_charge_voids_the_order_so_a_late_charge_is_declined_and_charges_nothing()
    {
        var client = await factory.StartAsync();

        (await RefundAsync(client, "r-late")).Status.Should().Be(RefundStatus.NotCharged);
        var late = await (await client.PostJsonAsync("/process-payment", new PaymentRequest("r-late", "cust-5", 10m, "EUR", "tok_visa")))
            .ReadAsync<PaymentResult>();

        late.Status.Should().Be(PaymentStatus.Declined);
        late.DeclineReason.Should().Be(PaymentHandler.VoidedReason);
        late.Amount.Should().Be(0m);
        (await factory.GetStateAsync<CustomerTotal>(StateKeys.Customer("cust-5"))).Should().BeNull("nothing was charged");
        (await factory.GetStateAsync<PaymentRecord>(StateKeys.Payment("r-late")))!.RefundReason.Should().Be("order failed");
        (await RefundAsync(client, "r-late")).Status.Should().Be(RefundStatus.NotCharged, "a second refund changes nothing");
    }

    [Fact]
    public async Task A_retried_charge_after_a_refund_reports_the_refund_with_the_same_payment_id()
    {
        var client = await factory.StartAsync();
        var request = new PaymentRequest("r-5", "cust-6", 10m, "EUR", "tok_visa");
        var charged = await (await client.PostJsonAsync("/process-payment", request)).ReadAsync<PaymentResult>();
        await RefundAsync(client, "r-5");

        var again = await (await client.PostJsonAsync("/process-payment", request)).ReadAsync<PaymentResult>();

        again.PaymentId.Should().Be(charged.PaymentId);
        again.Status.Should().Be(PaymentStatus.Refunded);
        (await factory.GetStateAsync<CustomerTotal>(StateKeys.Customer("cust-6")))!.Charged.Should().Be(0m, "no second charge");
    }

    [Fact]
    public async Task A_refund_racing_another_charge_of_the_customer_retries_on_the_fresh_total()
    {
        var client = await factory.StartAsync();
        await client.PostJsonAsync("/process-payment", new PaymentRequest("r-6", "cust-5", 100m, "EUR", "tok_visa"));
        factory.Hooks.ResetCounts();
        var raced = 0;
        factory.Hooks.Before("ExecuteStateTransaction", async ct =>
        {
            if (Interlocked.Exchange(ref raced, 1) == 0)
            {
                // Another order of the customer is charged 50 after the refund read the total, before it commits.
                await factory.PutStateAsync(StateKeys.Customer("cust-5"), new CustomerTotal("cust-5", 150m), ct);
            }
        });

        (await RefundAsync(client, "r-6")).Status.Should().Be(RefundStatus.Refunded);

        (await factory.GetStateAsync<CustomerTotal>(StateKeys.Customer("cust-5")))!.Charged.Should().Be(50m);
        factory.Hooks.Calls("ExecuteStateTransaction").Should().Be(2, "the refund decided on the stale total lost and was decided again");
        (await factory.GetStateAsync<PaymentRecord>(StateKeys.Payment("r-6")))!.Status.Should().Be(PaymentStatus.Refunded);
    }
}
