using System.Net;
using System.Net.Http.Json;
using OrderPlatform.Contracts;
using OrderPlatform.Contracts.Inventory;
using OrderPlatform.Contracts.Payments;
using OrderPlatform.EndToEnd.Tests.Infrastructure;
using OrderPlatform.ServiceDefaults;

namespace OrderPlatform.EndToEnd.Tests.Scenarios;

/// <summary>
/// Inside the environment only order-service moves stock or money: another app invoking inventory-service's stock
/// setting, reserve or payment-service's refund through its own sidecar is 403, a call to an internal app port 401, and
/// the stock stays as the operator set it through the order API.
/// </summary>
[Collection(PlatformCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class InternalAccessTests(PlatformFixture platform)
{
    [InternalFact]
    public async Task Another_app_through_Dapr_can_neither_set_stock_nor_reserve_nor_refund()
    {
        var apis = platform.Clients.Internal;
        var productId = await apis.NewProductAsync(available: 5);

        // Through the suite's sidecar, i.e. as shipping-service: daprd stamps that app-id on the invocation.
        using var set = await apis.InvokeAsync(HttpMethod.Put, AppIds.InventoryService, InventoryMethods.Stock(productId), new SetStockRequest(1000, 0.01m));
        using var reserve = await apis.InvokeAsync(HttpMethod.Post, AppIds.InventoryService, InventoryMethods.Reserve,
            new ReserveStockRequest(OrderApi.Unique("res"), OrderApi.Unique("ord"), [new StockLine(productId, 5)]));
        using var refund = await apis.InvokeAsync(HttpMethod.Post, AppIds.PaymentService, PaymentMethods.Refund, new RefundRequest(OrderApi.Unique("ord"), "abuse"));

        set.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        reserve.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        refund.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await apis.StockAsync(productId)).Should().BeEquivalentTo(new { Available = 5, Reserved = 0 });
    }

    [LocalPlatformFact]
    public async Task A_call_to_an_internal_app_port_is_401_and_changes_nothing()
    {
        var apis = platform.Clients.Internal;
        var productId = await apis.NewProductAsync(available: 5);
        using var http = new HttpClient { BaseAddress = platform.AppUrl(AppIds.InventoryService) };

        using var set = await http.PutAsJsonAsync("/" + InventoryMethods.Stock(productId), new SetStockRequest(1000, 0.01m), JsonDefaults.Options);

        set.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await apis.StockAsync(productId)).Should().BeEquivalentTo(new { Available = 5, Reserved = 0 });
    }
}
