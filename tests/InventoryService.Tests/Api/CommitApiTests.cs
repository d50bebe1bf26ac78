using OrderPlatform.Contracts.Inventory;
using OrderPlatform.InventoryService.Reservations;
using OrderPlatform.InventoryService.Stock;
using OrderPlatform.InventoryService.Storage;
using OrderPlatform.InventoryService.Tests.Support;

namespace OrderPlatform.InventoryService.Tests.Api;

public sealed class CommitApiTests : IDisposable
{
    private readonly InventoryApiFactory factory = new();

    public void Dispose() => factory.Dispose();

    private async Task<StockItem> StockAsync(string productId) => (await factory.GetAsync<StockItem>(StateKeys.Stock(productId)))!;

    private static async Task<ReservationResult> PostAsync(HttpClient client, string path, object body) =>
        await (await client.PostJsonAsync(path, body)).ReadAsync<ReservationResult>();

    private static Task<ReservationResult> ReserveAsync(HttpClient client, string id, params StockLine[] items) =>
        PostAsync(client, "/reserve", new ReserveStockRequest(id, $"order-{id}", items));

    [Fact]
    public async Task Commit_consumes_the_reserved_units_and_leaves_available_as_it_was()
    {
        var client = await factory.StartAsync();
        await ReserveAsync(client, "com-1", new StockLine("SKU-001", 3), new StockLine("SKU-002", 2), new StockLine("SKU-001", 1));

        var response = await client.PostJsonAsync("/commit", new CommitStockRequest("com-1"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"status\":\"committed\"");
        (await StockAsync("SKU-001")).Should().Be(new StockItem("SKU-001", 96, 0));
        (await StockAsync("SKU-002")).Should().Be(new StockItem("SKU-002", 98, 0));
        var record = (await factory.GetAsync<ReservationRecord>(StateKeys.Reservation("com-1")))!;
        record.Status.Should().Be(ReservationStatus.Committed);
        record.CommittedAt.Should().NotBeNull();
        factory.Hooks.Calls("ExecuteStateTransaction").Should().Be(2, "one reserve and one commit, each a single transaction");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Commit_with_its_products_named_reads_them_with_the_reservation_in_one_call_and_a_partial_hint_reads_the_rest(bool fullHint)
    {
        var client = await factory.StartAsync();
        await ReserveAsync(client, "com-hint", new StockLine("SKU-001", 3), new StockLine("SKU-002", 2));
        factory.Hooks.ResetCounts();

        var result = await PostAsync(client, "/commit", new CommitStockRequest("com-hint", fullHint ? ["SKU-001", "SKU-002"] : ["SKU-001"]));

        result.Status.Should().Be(ReservationStatus.Committed);
        (await StockAsync("SKU-001")).Should().Be(new StockItem("SKU-001", 97, 0));
        (await StockAsync("SKU-002")).Should().Be(new StockItem("SKU-002", 98, 0), "the reservation's own items decide what is committed");
        factory.Hooks.Calls("GetBulkState").Should().Be(fullHint ? 1 : 2);
        factory.Hooks.Calls("GetState").Should().Be(0);
        factory.Hooks.Calls("ExecuteStateTransaction").Should().Be(1);
    }

    [Fact]
    public async Task Commit_after_the_stock_record_vanished_recreates_it_empty()
    {
        var client = await factory.StartAsync();
        await ReserveAsync(client, "com-gone", new StockLine("SKU-004", 2));
        await factory.Dapr.DeleteStateAsync(OrderPlatform.Contracts.Components.InventoryStore, StateKeys.Stock("SKU-004"));

        var result = await PostAsync(client, "/commit", new CommitStockRequest("com-gone"));

        result.Status.Should().Be(ReservationStatus.Committed);
        (await StockAsync("SKU-004")).Should().Be(new StockItem("SKU-004", 0, 0), "never negative, never left missing");
    }

    [Fact]
    public async Task A_repeated_commit_answers_Committed_and_changes_nothing()
    {
        var client = await factory.StartAsync();
        await ReserveAsync(client, "com-2", new StockLine("SKU-003", 4));
        await PostAsync(client, "/commit", new CommitStockRequest("com-2"));

        var again = await PostAsync(client, "/commit", new CommitStockRequest("com-2"));

        again.Should().BeEquivalentTo(new ReservationResult("com-2", ReservationStatus.Committed, []));
        (await StockAsync("SKU-003")).Should().Be(new StockItem("SKU-003", 96, 0));
        factory.Hooks.Calls("ExecuteStateTransaction").Should().Be(2, "the repeated commit writes nothing");
    }

    [Fact]
    public async Task Commit_of_an_unknown_reservation_is_NotFound_and_writes_nothing()
    {
        var client = await factory.StartAsync();

        var result = await PostAsync(client, "/commit", new CommitStockRequest("never-made"));

        result.Should().BeEquivalentTo(new ReservationResult("never-made", ReservationStatus.NotFound, []));
        factory.Hooks.StateWrites.Should().Be(0);
    }

    [Fact]
    public async Task Commit_of_a_rejected_reservation_answers_Rejected_and_changes_no_stock()
    {
        var client = await factory.StartAsync();
        await ReserveAsync(client, "com-3", new StockLine("SKU-LOW", 5));

        var result = await PostAsync(client, "/commit", new CommitStockRequest("com-3"));

        result.Status.Should().Be(ReservationStatus.Rejected);
        (await StockAsync("SKU-LOW")).Should().Be(new StockItem("SKU-LOW", 2, 0));
        factory.Hooks.Calls("ExecuteStateTransaction").Should().Be(1, "only the rejection was recorded");
    }

    [Fact]
    public async Task Commit_of_a_released_reservation_answers_Released_and_takes_nothing()
    {
        var client = await factory.StartAsync();
        await ReserveAsync(client, "com-4", new StockLine("SKU-004", 6));
        await PostAsync(client, "/release", new ReleaseStockRequest("com-4"));

        var result = await PostAsync(client, "/commit", new CommitStockRequest("com-4"));

        result.Status.Should().Be(ReservationStatus.Released);
        (await StockAsync("SKU-004")).Should().Be(new StockItem("SKU-004", 100, 0));
        factory.Hooks.Calls("ExecuteStateTransaction").Should().Be(2);
    }

    [Fact]
    public async Task Release_after_commit_answers_Committed_and_gives_no_stock_back()
    {
        var client = await factory.StartAsync();
        await ReserveAsync(client, "com-5", new StockLine("SKU-005", 7));
        await PostAsync(client, "/commit", new CommitStockRequest("com-5"));

        var result = await PostAsync(client, "/release", new ReleaseStockRequest("com-5"));

        result.Status.Should().Be(ReservationStatus.Committed);
        (await StockAsync("SKU-005")).Should().Be(new StockItem("SKU-005", 93, 0));
        (await factory.GetAsync<ReservationRecord>(StateKeys.Reservation("com-5")))!.ReleasedAt.Should().BeNull();
    }

    [Fact]
    public async Task A_commit_that_loses_a_race_with_a_reserve_of_the_same_product_retries_on_fresh_stock()
    {
        var client = await factory.StartAsync();
        await ReserveAsync(client, "com-6", new StockLine("SKU-006", 5));
        factory.Hooks.ResetCounts();
        var raced = false;
        factory.Hooks.Before("ExecuteStateTransaction", async _ =>
        {
            if (!raced)
            {
                raced = true; // another order reserves 3 more units between our read and our write
                await factory.PutAsync(StateKeys.Stock("SKU-006"), new StockItem("SKU-006", 92, 8));
            }
        });

        var result = await PostAsync(client, "/commit", new CommitStockRequest("com-6"));

        result.Status.Should().Be(ReservationStatus.Committed);
        factory.Hooks.Calls("ExecuteStateTransaction").Should().Be(2);
        (await StockAsync("SKU-006")).Should().Be(new StockItem("SKU-006", 92, 3));
    }
}
