using Microsoft.Extensions.Options;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.InventoryService.Reservations;
using OrderPlatform.InventoryService.Stock;
using OrderPlatform.InventoryService.Storage;
using OrderPlatform.InventoryService.Tests.Support;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.Testing;

namespace OrderPlatform.InventoryService.Tests.Api;

/// <summary>inventory-service owns each product's name and price: check-stock returns them, GET /products lists them.</summary>
public sealed class CatalogueApiTests : IDisposable
{
    private static readonly string[] Seeded = ["SKU-001", "SKU-002", "SKU-003", "SKU-004", "SKU-005", "SKU-006", "SKU-007", "SKU-008", "SKU-009", "SKU-010", "SKU-LOW", "SKU-OUT"];

    private readonly InventoryApiFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task Check_stock_returns_the_name_and_price_of_each_priced_product_and_none_for_unpriced_or_unknown_ones()
    {
        var client = await factory.StartAsync();
        (await client.PutAsJsonAsync("/api/inventory/NO-PRICE", new SetStockRequest(5), JsonDefaults.Options)).EnsureSuccessStatusCode();

        var response = await client.PostJsonAsync("/check-stock", new CheckStockRequest(
            [new StockLine("SKU-001", 1), new StockLine("SKU-LOW", 1), new StockLine("NO-PRICE", 1), new StockLine("GHOST", 1)]));
        var answer = await response.ReadAsync<CheckStockResponse>();

        answer.Products.Should().BeEquivalentTo([
            new CatalogueProduct("SKU-001", "Trail running shoes", 19.99m),
            new CatalogueProduct("SKU-LOW", "Limited-edition map", 29.00m),
        ]);
    }

    [Fact]
    public async Task Put_sets_the_price_and_name_when_given_and_keeps_them_when_not()
    {
        var client = await factory.StartAsync();

        (await client.PutAsJsonAsync("/api/inventory/SKU-002", new SetStockRequest(40, 11.25m, "Socks (pair)"), JsonDefaults.Options)).EnsureSuccessStatusCode();
        (await client.PutAsJsonAsync("/api/inventory/SKU-002", new SetStockRequest(30), JsonDefaults.Options)).EnsureSuccessStatusCode();

        (await factory.GetAsync<StockItem>(StateKeys.Stock("SKU-002"))).Should().Be(new StockItem("SKU-002", 30, 0));
        (await factory.GetAsync<CatalogueEntry>(StateKeys.Product("SKU-002"))).Should().Be(new CatalogueEntry("SKU-002", "Socks (pair)", 11.25m));
    }

    [Fact]
    public async Task A_new_product_put_with_a_price_is_named_after_its_id_and_one_put_with_only_a_name_is_refused()
    {
        var client = await factory.StartAsync();

        (await client.PutAsJsonAsync("/api/inventory/NEW-1", new SetStockRequest(5, 3.5m), JsonDefaults.Options)).EnsureSuccessStatusCode();
        var nameOnly = await client.PutAsJsonAsync("/api/inventory/NEW-2", new SetStockRequest(5, Name: "Thing"), JsonDefaults.Options);

        (await factory.GetAsync<CatalogueEntry>(StateKeys.Product("NEW-1"))).Should().Be(new CatalogueEntry("NEW-1", "NEW-1", 3.5m));
        nameOnly.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await nameOnly.ReadAsync<ProblemBody>()).Errors.Should().ContainKey("price");
        (await factory.GetAsync<StockItem>(StateKeys.Stock("NEW-2"))).Should().BeNull("nothing is stored for a refused request");
    }

    [Theory]
    [InlineData("""{"available":1,"price":0}""", "price")]
    [InlineData("""{"available":1,"price":1.234}""", "price")]
    [InlineData("""{"available":1,"price":1000000.01}""", "price")]
    [InlineData("""{"available":1,"price":"cheap"}""", "price")]
    [InlineData("""{"available":1,"name":""}""", "name")]
    public async Task A_bad_price_or_name_is_a_400_naming_it_and_changes_nothing(string json, string field)
    {
        var client = await factory.StartAsync();

        var response = await client.PutAsync("/api/inventory/SKU-003", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadAsync<ProblemBody>()).Errors.Should().ContainKey(field);
        factory.Hooks.StateWrites.Should().Be(0);
    }

    [Fact]
    public async Task Products_pages_through_the_priced_catalogue_by_id_without_reservations_or_unpriced_products()
    {
        var client = await factory.StartAsync();
        (await client.PutAsJsonAsync("/api/inventory/AAA-NO-PRICE", new SetStockRequest(5), JsonDefaults.Options)).EnsureSuccessStatusCode();
        (await client.PostJsonAsync("/reserve", new ReserveStockRequest("res-1", "ord-1", [new StockLine("SKU-001", 1)]))).EnsureSuccessStatusCode();

        var listed = new List<CatalogueProduct>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await client.GetFromJsonAsync<CataloguePage>($"/products?pageSize=5{(token is null ? "" : $"&token={token}")}", JsonDefaults.Options);
            listed.AddRange(page!.Items);
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null && pages < 10);

        listed.Select(p => p.ProductId).Should().Equal(Seeded.Order(StringComparer.Ordinal), "reserved stock stays listed; unpriced products and reservations are not");
        listed.Should().ContainEquivalentOf(new CatalogueProduct("SKU-001", "Trail running shoes", 19.99m));
        pages.Should().Be(3, "12 products in pages of 5: the third page is not full, so it is the last");
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=ten", "pageSize")]
    [InlineData("pageSize=-1", "pageSize")]
    [InlineData("token=abc", "token")]
    [InlineData("token=-5", "token")]
    [InlineData("token=%2B5", "token")]
    public async Task A_bad_paging_parameter_is_a_400_naming_it(string query, string parameter)
    {
        var client = await factory.StartAsync();

        var response = await client.GetAsync($"/products?{query}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadAsync<ProblemBody>()).Errors.Should().ContainKey(parameter).WhoseValue.Should().ContainSingle();
    }

    [Theory]
    [InlineData("Price", "0")]
    [InlineData("Name", "")]
    public void A_seed_product_without_a_price_or_name_stops_the_start(string field, string value)
    {
        factory.Settings[$"Inventory:Seed:0:{field}"] = value;

        var start = () => factory.Start();

        start.Should().Throw<OptionsValidationException>().WithMessage("*Inventory:Seed*");
    }
}
