using OrderPlatform.Contracts.Inventory;
using OrderPlatform.InventoryService.Stock;
using OrderPlatform.InventoryService.Storage;
using OrderPlatform.InventoryService.Tests.Support;

namespace OrderPlatform.InventoryService.Tests.Api;

public sealed class CheckStockApiTests : IDisposable
{
    private readonly InventoryApiFactory factory = new();

    public void Dispose() => factory.Dispose();

    private async Task<CheckStockResponse> CheckAsync(params StockLine[] items)
    {
        var client = await factory.StartAsync();
        var response = await client.PostJsonAsync("/check-stock", new CheckStockRequest(items));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.ReadAsync<CheckStockResponse>();
    }

    [Fact]
    public async Task Enough_stock_is_available_with_no_shortages()
    {
        var result = await CheckAsync(new StockLine("SKU-001", 100), new StockLine("SKU-LOW", 2));

        result.Should().BeEquivalentTo(new CheckStockResponse(true, [], [],
            [new CatalogueProduct("SKU-001", "Trail running shoes", 19.99m), new CatalogueProduct("SKU-LOW", "Limited-edition map", 29.00m)]));
    }

    [Fact]
    public async Task Stock_and_catalogue_are_read_in_one_call()
    {
        var client = await factory.StartAsync();
        factory.Hooks.ResetCounts();

        (await client.PostJsonAsync("/check-stock", new CheckStockRequest([new StockLine("SKU-001", 1), new StockLine("SKU-002", 1)])))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        factory.Hooks.Calls("GetBulkState").Should().Be(1);
        factory.Hooks.Calls("GetState").Should().Be(0);
    }

    [Fact]
    public async Task Short_and_unknown_products_are_listed_as_shortages()
    {
        var result = await CheckAsync(new StockLine("SKU-001", 101), new StockLine("SKU-002", 1), new StockLine("GHOST", 2));

        result.Available.Should().BeFalse();
        result.Shortages.Should().BeEquivalentTo([new StockShortage("SKU-001", 101, 100), new StockShortage("GHOST", 2, 0)]);
        result.UnknownProducts.Should().Equal("GHOST");
    }

    [Fact]
    public async Task Only_products_without_a_stock_record_are_unknown_an_empty_one_is_known()
    {
        var result = await CheckAsync(new StockLine("SKU-OUT", 1), new StockLine("NOPE-1", 1), new StockLine("SKU-001", 1), new StockLine("NOPE-2", 3));

        result.UnknownProducts.Should().Equal("NOPE-1", "NOPE-2");
        result.Shortages.Select(s => s.ProductId).Should().Equal("SKU-OUT", "NOPE-1", "NOPE-2");
    }

    [Fact]
    public async Task Unknown_products_are_answered_as_camelCase_unknownProducts()
    {
        var client = await factory.StartAsync();

        var response = await client.PostJsonAsync("/check-stock", new CheckStockRequest([new StockLine("GHOST", 1)]));

        (await response.Content.ReadAsStringAsync()).Should().Contain("\"unknownProducts\":[\"GHOST\"]");
    }

    [Fact]
    public async Task Check_stock_reserves_nothing()
    {
        await CheckAsync(new StockLine("SKU-009", 5));

        factory.Hooks.StateWrites.Should().Be(0);
        (await factory.GetAsync<StockItem>(StateKeys.Stock("SKU-009"))).Should().Be(new StockItem("SKU-009", 100, 0));
    }
}
