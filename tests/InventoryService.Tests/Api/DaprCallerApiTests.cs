using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.InventoryService.Stock;
using OrderPlatform.InventoryService.Storage;
using OrderPlatform.InventoryService.Tests.Support;
using OrderPlatform.Testing;

namespace OrderPlatform.InventoryService.Tests.Api;

/// <summary>
/// Every route of inventory-service (health and the OpenAPI document aside) answers only order-service through its
/// sidecar: another caller app-id (or a forged second one, or none) is 403, a call straight to the app port (no token)
/// is 401, and nothing is read or changed; order-service through its sidecar is served.
/// </summary>
public sealed class DaprCallerApiTests : IDisposable
{
    private readonly InventoryApiFactory factory = new();

    public void Dispose() => factory.Dispose();

    private static readonly Dictionary<string, GuardedRoute> Routes = new(StringComparer.Ordinal)
    {
        ["check-stock"] = GuardedRoute.OrderServiceOnly(HttpMethod.Post, $"/{InventoryMethods.CheckStock}", new CheckStockRequest([new StockLine("SKU-001", 3)])),
        ["reserve"] = GuardedRoute.OrderServiceOnly(HttpMethod.Post, $"/{InventoryMethods.Reserve}", new ReserveStockRequest("dc-1", "order-dc-1", [new StockLine("SKU-001", 3)])),
        ["release"] = GuardedRoute.OrderServiceOnly(HttpMethod.Post, $"/{InventoryMethods.Release}", new ReleaseStockRequest("dc-1")),
        ["commit"] = GuardedRoute.OrderServiceOnly(HttpMethod.Post, $"/{InventoryMethods.Commit}", new CommitStockRequest("dc-1")),
        ["products"] = GuardedRoute.OrderServiceOnly(HttpMethod.Get, $"/{InventoryMethods.Products}?pageSize=5"),
        ["get stock"] = GuardedRoute.OrderServiceOnly(HttpMethod.Get, "/" + InventoryMethods.Stock("SKU-001")),
        ["set stock"] = GuardedRoute.OrderServiceOnly(HttpMethod.Put, "/" + InventoryMethods.Stock("SKU-001"), new SetStockRequest(5, 1.25m)),
    };

    public static IEnumerable<object[]> Refusals => GuardedRoute.RefusalRows(Routes);

    public static IEnumerable<object[]> Accepted => GuardedRoute.AcceptedRows(Routes);

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_call_not_from_order_service_through_its_sidecar_is_refused_and_changes_nothing(
        string route, bool throughSidecar, string[] callers, HttpStatusCode expected)
    {
        await factory.StartAsync();
        using var client = factory.CreateClientAs(throughSidecar, callers);
        factory.Hooks.ResetCounts();

        var response = await Routes[route].SendAsync(client);

        response.StatusCode.Should().Be(expected);
        factory.Hooks.StateWrites.Should().Be(0);
        (factory.Hooks.Calls("GetState") + factory.Hooks.Calls("GetBulkState") + factory.Hooks.Calls("QueryStateAlpha1"))
            .Should().Be(0, "a refused call never reaches the handler");
        (await factory.GetAsync<StockItem>(StateKeys.Stock("SKU-001"))).Should().Be(new StockItem("SKU-001", 100, 0));
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task Order_service_through_its_sidecar_is_served(string route, string caller)
    {
        await factory.StartAsync();
        using var client = factory.CreateClientAs(throughSidecar: true, caller);

        var response = await Routes[route].SendAsync(client);

        response.StatusCode.Should().Be(Routes[route].Served, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Order_service_through_its_sidecar_moves_stock()
    {
        await factory.StartAsync();
        using var client = factory.CreateClientAs(throughSidecar: true, AppIds.OrderService);

        (await Routes["reserve"].SendAsync(client)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await factory.GetAsync<StockItem>(StateKeys.Stock("SKU-001"))).Should().Be(new StockItem("SKU-001", 97, 3));
    }
}
