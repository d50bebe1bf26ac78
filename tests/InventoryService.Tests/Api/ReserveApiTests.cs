using OrderPlatform.Contracts.Inventory;
using OrderPlatform.InventoryService.Reservations;
using OrderPlatform.InventoryService.Stock;
using OrderPlatform.InventoryService.Storage;
using OrderPlatform.InventoryService.Tests.Support;

namespace OrderPlatform.InventoryService.Tests.Api;

public sealed class ReserveApiTests : IDisposable
{
    private readonly InventoryApiFactory factory = new();

    public void Dispose() => factory.Dispose();

    private async Task<StockItem> StockAsync(string productId) => (await factory.GetAsync<StockItem>(StateKeys.Stock(productId)))!;

    private static ReserveStockRequest Request(string id, params StockLine[] items) => new(id, $"order-{id}", items);

    private static StockLine Line(string productId, int quantity) => new(productId, quantity);

    [Fact]
    public async Task Reserve_takes_every_line_from_available_into_reserved_and_records_the_reservation()
    {
        var client = await factory.StartAsync();

        var response = await client.PostJsonAsync("/reserve", Request("r1", Line("SKU-001", 3), Line("SKU-002", 5)));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var result = await response.ReadAsync<ReservationResult>();
        result.Should().BeEquivalentTo(new ReservationResult("r1", ReservationStatus.Reserved, []));
        (await StockAsync("SKU-001")).Should().Be(new StockItem("SKU-001", 97, 3));
        (await StockAsync("SKU-002")).Should().Be(new StockItem("SKU-002", 95, 5));
        (await factory.GetAsync<ReservationRecord>(StateKeys.Reservation("r1")))!.OrderId.Should().Be("order-r1");
        factory.Hooks.Calls("ExecuteStateTransaction").Should().Be(1, "stock and reservation are written in one transaction");
    }

    [Fact]
    public async Task A_first_reserve_reads_its_record_and_its_stock_in_one_call()
    {
        var client = await factory.StartAsync();
        factory.Hooks.ResetCounts();

        await client.PostJsonAsync("/reserve", Request("r-calls", Line("SKU-001", 1), Line("SKU-002", 1)));

        factory.Hooks.Calls("GetBulkState").Should().Be(1);
        factory.Hooks.Calls("GetState").Should().Be(0);
        factory.Hooks.Calls("ExecuteStateTransaction").Should().Be(1);
    }

    [Fact]
    public async Task Reserve_answers_with_camelCase_json_and_string_status()
    {
        var client = await factory.StartAsync();

        var response = await client.PostJsonAsync("/reserve", Request("r-json", Line("SKU-001", 1)));

        var json = await response.Content.ReadAsStringAsync();
        json.Should().Contain("\"reservationId\":\"r-json\"").And.Contain("\"status\":\"reserved\"");
    }

    [Fact]
    public async Task Repeated_reserve_returns_the_first_outcome_and_reserves_once()
    {
        var client = await factory.StartAsync();
        var request = Request("r2", Line("SKU-003", 10));

        var first = await (await client.PostJsonAsync("/reserve", request)).ReadAsync<ReservationResult>();
        var second = await (await client.PostJsonAsync("/reserve", request)).ReadAsync<ReservationResult>();

        second.Should().BeEquivalentTo(first);
        (await StockAsync("SKU-003")).Should().Be(new StockItem("SKU-003", 90, 10));
        factory.Hooks.Calls("ExecuteStateTransaction").Should().Be(1);
    }

    [Fact]
    public async Task Reserve_is_all_or_nothing_a_short_line_rejects_the_whole_reservation()
    {
        var client = await factory.StartAsync();

        var result = await (await client.PostJsonAsync("/reserve", Request("r3", Line("SKU-001", 1), Line("SKU-LOW", 3))))
            .ReadAsync<ReservationResult>();

        result.Status.Should().Be(ReservationStatus.Rejected);
        result.Shortages.Should().BeEquivalentTo([new StockShortage("SKU-LOW", 3, 2)]);
        (await StockAsync("SKU-001")).Should().Be(new StockItem("SKU-001", 100, 0));
        (await StockAsync("SKU-LOW")).Should().Be(new StockItem("SKU-LOW", 2, 0));
    }

    [Fact]
    public async Task Unknown_product_is_a_shortage_with_zero_available()
    {
        var client = await factory.StartAsync();

        var result = await (await client.PostJsonAsync("/reserve", Request("r4", Line("NOPE-1", 1))))
            .ReadAsync<ReservationResult>();

        result.Should().BeEquivalentTo(new ReservationResult("r4", ReservationStatus.Rejected, [new StockShortage("NOPE-1", 1, 0)]));
        (await factory.GetAsync<StockItem>(StateKeys.Stock("NOPE-1"))).Should().BeNull();
    }

    [Fact]
    public async Task A_rejection_is_recorded_so_a_retry_after_restocking_is_still_rejected()
    {
        var client = await factory.StartAsync();
        var request = Request("r5", Line("SKU-OUT", 1));
        await client.PostJsonAsync("/reserve", request);
        await factory.PutAsync(StateKeys.Stock("SKU-OUT"), new StockItem("SKU-OUT", 50, 0));

        var retry = await (await client.PostJsonAsync("/reserve", request)).ReadAsync<ReservationResult>();

        retry.Status.Should().Be(ReservationStatus.Rejected);
        (await StockAsync("SKU-OUT")).Available.Should().Be(50);
    }

    [Fact]
    public async Task Repeated_lines_of_one_product_add_up()
    {
        var client = await factory.StartAsync();

        var result = await (await client.PostJsonAsync("/reserve", Request("r6", Line("SKU-LOW", 1), Line("SKU-LOW", 2))))
            .ReadAsync<ReservationResult>();

        result.Shortages.Should().BeEquivalentTo([new StockShortage("SKU-LOW", 3, 2)]);
    }
}
