using OrderPlatform.Contracts.Inventory;
using OrderPlatform.InventoryService.Reservations;
using OrderPlatform.InventoryService.Stock;

namespace OrderPlatform.InventoryService.Tests.Unit;

public sealed class ReservationPlannerTests
{
    [Fact]
    public void Demand_adds_up_repeated_products_case_sensitively()
    {
        var demand = ReservationPlanner.Demand([new("A", 1), new("B", 2), new("A", 3), new("a", 1)]);

        demand.Should().BeEquivalentTo(new Dictionary<string, int> { ["A"] = 4, ["B"] = 2, ["a"] = 1 });
    }

    [Fact]
    public void Exactly_enough_is_no_shortage_one_more_is()
    {
        var stock = new Dictionary<string, StockItem?> { ["A"] = new("A", 5, 9), ["B"] = new("B", 5, 0), ["C"] = null };

        var shortages = ReservationPlanner.Shortages(new Dictionary<string, int> { ["A"] = 5, ["B"] = 6, ["C"] = 1 }, stock);

        shortages.Should().BeEquivalentTo([new StockShortage("B", 6, 5), new StockShortage("C", 1, 0)]);
    }
}
