using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.InventoryService.Stock;
using OrderPlatform.InventoryService.Storage;
using OrderPlatform.InventoryService.Tests.Support;

namespace OrderPlatform.InventoryService.Tests.Api;

/// <summary>
/// Only order-service, through Dapr, may move stock: a call with the app API token but another caller app-id is 403,
/// one straight to the app port (no token) is 401, a forged second caller value is 403, and nothing changes.
/// </summary>
public sealed class DaprCallerApiTests : IDisposable
{
    private readonly InventoryApiFactory factory = new();

    public void Dispose() => factory.Dispose();

    public static TheoryData<string, bool, string[], HttpStatusCode> Callers => new()
    {
        { InventoryMethods.Reserve, true, [AppIds.ShippingService], HttpStatusCode.Forbidden },
        { InventoryMethods.Release, true, [AppIds.PaymentService], HttpStatusCode.Forbidden },
        { InventoryMethods.Commit, true, [AppIds.NotificationService], HttpStatusCode.Forbidden },
        // A value forged beside the one daprd stamps: two values are refused.
        { InventoryMethods.Reserve, true, [AppIds.ShippingService, AppIds.OrderService], HttpStatusCode.Forbidden },
        // The binding's shape (token, no caller) is not a service invocation.
        { InventoryMethods.Reserve, true, [], HttpStatusCode.Forbidden },
        // Straight to the app port, without the sidecar's token, whatever caller it claims.
        { InventoryMethods.Reserve, false, [AppIds.OrderService], HttpStatusCode.Unauthorized },
        { InventoryMethods.Commit, false, [], HttpStatusCode.Unauthorized },
    };

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Only_order_service_through_its_sidecar_moves_stock(string method, bool throughSidecar, string[] callers, HttpStatusCode expected)
    {
        await factory.StartAsync();
        using var client = factory.CreateClientAs(throughSidecar, callers);
        factory.Hooks.ResetCounts();

        var response = await client.PostJsonAsync($"/{method}", new ReserveStockRequest("dc-1", "order-dc-1", [new StockLine("SKU-001", 3)]));

        response.StatusCode.Should().Be(expected);
        factory.Hooks.StateWrites.Should().Be(0);
        (await factory.GetAsync<StockItem>(StateKeys.Stock("SKU-001"))).Should().Be(new StockItem("SKU-001", 100, 0));
    }

    [Fact]
    public async Task Order_service_through_its_sidecar_is_served()
    {
        await factory.StartAsync();
        using var client = factory.CreateClientAs(throughSidecar: true, AppIds.OrderService);

        var response = await client.PostJsonAsync($"/{InventoryMethods.Reserve}", new ReserveStockRequest("dc-2", "order-dc-2", [new StockLine("SKU-001", 3)]));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await factory.GetAsync<StockItem>(StateKeys.Stock("SKU-001"))).Should().Be(new StockItem("SKU-001", 97, 3));
    }
}
