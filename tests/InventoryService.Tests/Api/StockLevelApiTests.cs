using OrderPlatform.Contracts.Inventory;
using OrderPlatform.InventoryService.Stock;
using OrderPlatform.InventoryService.Storage;
using OrderPlatform.InventoryService.Tests.Support;

namespace OrderPlatform.InventoryService.Tests.Api;

public sealed class StockLevelApiTests : IDisposable
{
    private readonly InventoryApiFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task Get_returns_available_and_reserved()
    {
        var client = await factory.StartAsync();
        await factory.PutAsync(StateKeys.Stock("SKU-010"), new StockItem("SKU-010", 60, 40));

        var level = await client.GetFromJsonAsync<StockLevel>("/api/inventory/SKU-010", OrderPlatform.ServiceDefaults.JsonDefaults.Options);

        level.Should().Be(new StockLevel("SKU-010", 60, 40));
    }

    [Fact]
    public async Task Get_of_an_unknown_product_is_a_404_problem()
    {
        var client = await factory.StartAsync();

        var response = await client.GetAsync("/api/inventory/NOPE");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.ReadAsync<ProblemBody>()).Should().BeEquivalentTo(new { Status = 404, Title = "Unknown product", Detail = "No stock is kept for product 'NOPE'." });
    }

    [Fact]
    public async Task Put_sets_available_keeps_reserved_and_creates_unknown_products()
    {
        var client = await factory.StartAsync();
        await factory.PutAsync(StateKeys.Stock("SKU-001"), new StockItem("SKU-001", 90, 10));

        var updated = await (await client.PutAsJsonAsync("/api/inventory/SKU-001", new SetStockRequest(5))).ReadAsync<StockLevel>();
        var created = await (await client.PutAsJsonAsync("/api/inventory/NEW-1", new SetStockRequest(7))).ReadAsync<StockLevel>();

        updated.Should().Be(new StockLevel("SKU-001", 5, 10));
        created.Should().Be(new StockLevel("NEW-1", 7, 0));
        (await factory.GetAsync<StockItem>(StateKeys.Stock("NEW-1"))).Should().Be(new StockItem("NEW-1", 7, 0));
    }

    [Fact]
    public async Task Put_with_negative_available_is_a_400_naming_the_field()
    {
        var client = await factory.StartAsync();

        var response = await client.PutAsJsonAsync("/api/inventory/SKU-001", new SetStockRequest(-1));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadAsync<ProblemBody>()).Errors.Should().ContainKey("available");
        factory.Hooks.StateWrites.Should().Be(0);
    }

    [Fact]
    public async Task Put_with_an_invalid_product_id_is_a_400_naming_the_product_id()
    {
        var client = await factory.StartAsync();

        var response = await client.PutAsJsonAsync("/api/inventory/bad%7C%7Cid", new SetStockRequest(1));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadAsync<ProblemBody>()).Errors.Should().ContainKey("productId");
        factory.Hooks.StateWrites.Should().Be(0);
    }
}
