using System.Text.Json;
using OrderPlatform.OrderService.Storage;
using OrderPlatform.OrderService.Tests.Support;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.OrderService.Tests.Storage;

/// <summary>Order documents beside the store's other documents (idempotency records, claim markers) in <c>orders-store</c>.</summary>
public sealed class OrderRepositoryTests : IAsyncLifetime
{
    private OrdersSidecar sidecar = null!;
    private OrderRepository orders = null!;

    public async Task InitializeAsync()
    {
        sidecar = await OrdersSidecar.StartAsync();
        orders = new OrderRepository(sidecar.Store());
    }

    public async Task DisposeAsync() => await sidecar.DisposeAsync();

    [Fact]
    public async Task An_idempotency_records_key_is_never_read_as_an_order()
    {
        var key = StateKeys.Idempotency("cust-1", "key-1");
        await sidecar.State.PutAsync(key, new IdempotencyRecord("hash", "ord-1", TestOrders.Now));

        (await orders.GetAsync(key)).Should().BeNull();
        StateKeys.IsOrderId(key).Should().BeFalse();
        StateKeys.IsOrderId("ord-1").Should().BeTrue();
    }

    [Fact]
    public void A_customer_and_key_pair_never_shares_its_record_with_another_pair()
    {
        StateKeys.Idempotency("cust-1", "2-key").Should().NotBe(StateKeys.Idempotency("cust-12", "-key"));
    }

    [Fact]
    public async Task A_claim_is_stored_with_its_kind_and_claimant_and_only_once()
    {
        (await orders.TryClaimAsync("claim:ord-1", "replica-a", TimeSpan.FromMinutes(5))).Should().BeTrue();
        (await orders.TryClaimAsync("claim:ord-1", "replica-b", TimeSpan.FromMinutes(5))).Should().BeFalse();

        var marker = await sidecar.State.JsonAsync("claim:ord-1");
        marker.Deserialize<ClaimMarker>(JsonDefaults.Options).Should().Be(new ClaimMarker("claim", "replica-a"));
    }

    [Fact]
    public async Task Changing_an_order_that_is_not_stored_names_it()
    {
        var known = await orders.ReadAsync("ord-404");

        (await FluentActions.Awaiting(() => orders.UpdateAsync("ord-404", o => o with { Currency = "EUR" })).Should().ThrowAsync<KeyNotFoundException>())
            .WithMessage("Order 'ord-404' does not exist.");
        (await FluentActions.Awaiting(() => orders.UpdateAsync("ord-404", known, o => o with { Currency = "EUR" })).Should().ThrowAsync<KeyNotFoundException>())
            .WithMessage("Order 'ord-404' does not exist.");
        sidecar.Hooks.Saves.Should().BeEmpty();
    }

    [Fact]
    public async Task A_query_that_finds_nothing_has_no_next_page()
    {
        var (found, token) = await orders.QueryAsync("""{"filter":{"EQ":{"kind":"order"}},"page":{"limit":10}}""");

        found.Should().BeEmpty();
        token.Should().BeNull();
    }

    [Fact]
    public void A_new_order_needs_its_customer_and_a_price_on_every_line()
    {
        var request = TestOrders.Request("ord-1");

        FluentActions.Invoking(() => StoredOrder.Create("ord-1", request with { CustomerId = null }, request.Items, "USD", "h", TestOrders.Now))
            .Should().Throw<ArgumentException>().WithMessage("The order's customer is the caller: set it first. (Parameter 'request')");
        FluentActions.Invoking(() => StoredOrder.Create("ord-1", request, [request.Items[0] with { UnitPrice = null }], "USD", "h", TestOrders.Now))
            .Should().Throw<ArgumentException>().WithMessage("Line 'sku-1' has no price. (Parameter 'pricedItems')");
    }

    [Fact]
    public void A_null_timestamp_is_a_json_error()
    {
        var options = new JsonSerializerOptions { Converters = { new UtcTimestampConverter() } };

        FluentActions.Invoking(() => JsonSerializer.Deserialize<DateTimeOffset>("null", options))
            .Should().Throw<JsonException>().WithMessage("A timestamp cannot be null.*");
    }
}
