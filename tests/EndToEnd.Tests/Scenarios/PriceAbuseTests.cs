using System.Net;
using System.Net.Http.Json;
using System.Text;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.Contracts.Orders;
using OrderPlatform.EndToEnd.Tests.Infrastructure;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.EndToEnd.Tests.Scenarios;

/// <summary>A client cannot set its own price: the order is priced from inventory-service's catalogue.</summary>
[Collection(PlatformCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class PriceAbuseTests(PlatformFixture platform)
{
    [InternalFact]
    public async Task A_unit_price_of_one_cent_is_ignored_the_catalogue_total_is_held_for_approval_and_nothing_is_charged()
    {
        var orders = platform.Clients.Orders;
        var internalApis = platform.Clients.Internal;
        var productId = await internalApis.NewProductAsync(available: 1000, price: 19.99m);
        var body = $$"""{"items":[{"productId":"{{productId}}","quantity":1000,"unitPrice":0.01}]}""";

        using var response = await orders.Http.PostAsync("/api/orders", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var accepted = (await response.Content.ReadFromJsonAsync<OrderView>(JsonDefaults.Options))!;
        accepted.Total.Should().Be(19_990.00m, "1000 × the catalogue's 19.99, not 1000 × 0.01");
        var held = await orders.WaitForAsync(accepted.OrderId, null, OrderStatus.AwaitingApproval);
        held.Total.Should().Be(19_990.00m);
        (await internalApis.PaymentAsync(accepted.OrderId)).Should().BeNull("nothing is charged before an operator approves");

        using var cancel = await orders.CancelAsync(accepted.OrderId);
        (await orders.WaitForAsync(accepted.OrderId)).Status.Should().Be(OrderStatus.Cancelled, platform.Diagnostics());
        (await internalApis.StockAsync(productId)).Should().BeEquivalentTo(new { Available = 1000, Reserved = 0 });
    }

    [Fact]
    public async Task The_public_catalogue_lists_the_seed_products_with_their_prices()
    {
        var page = await platform.Clients.Orders.Http.GetFromJsonAsync<CataloguePage>("/api/products?pageSize=100", JsonDefaults.Options);

        page!.Items.Should().ContainEquivalentOf(new CatalogueProduct("SKU-001", "Trail running shoes", 19.99m));
    }
}
